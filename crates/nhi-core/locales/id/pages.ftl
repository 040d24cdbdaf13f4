mail-approved-subject = Permohonan disetujui
mail-approved-body = Permohonan Kartu NHI Virtual Anda (nomor { $number }) disetujui; kartu kini menampilkan foto Anda.
mail-rejected-subject = Permohonan ditolak
mail-rejected-body = Permohonan Anda (nomor { $number }) ditolak: { $reason }{ $note }. Silakan ajukan lagi di aplikasi.
mail-note =  ({ $note })
mail-received-subject = Permohonan diterima
mail-received-body =
    Yth. { $name },
    
    Kami menerima permohonan Kartu NHI Virtual Anda (nomor { $number }). Peninjauan memakan waktu hingga 7 hari kerja; sementara itu kartu tanpa foto dapat dipakai dengan dokumen identitas.
site-name = Pendaftaran Layanan Daring Kartu NHI
site-device-verification = Verifikasi perangkat
site-devices = Perangkat
site-log-out = Keluar
site-register = Daftar
site-log-in = Masuk
site-footer = Backend referensi NHI Express
site-outbox = Kotak keluar uji
site-home-intro = Daftar dengan kartu NHI (dan pembaca kartu) atau sertifikat digital warga, atur kata sandi, lalu buat kode verifikasi perangkat untuk mengautentikasi aplikasi NHI Express.
site-register-with-card = Daftar dengan kartu NHI
site-register-with-card-hint = Dengan kartu NHI dan pembaca kartu
site-register-with-certificate = Daftar dengan sertifikat digital warga
site-register-with-certificate-hint = Dengan kartu sertifikat dan pembaca kartu, di Layanan Daring Data NHI Pribadi: akun perangkat seluler dan kode perangkat
site-log-in-hint = Verifikasi perangkat, pengelolaan perangkat
site-id-number = Nomor identitas
site-registration-password = Kata sandi pendaftaran
site-card-reader-data = Data pembaca kartu
site-certificate-data = Data sertifikat
site-insert-card = Masukkan kartu; inilah data yang dikembalikan pembaca.
site-insert-certificate = Masukkan sertifikat; inilah datanya.
site-card-number = Nomor kartu NHI
site-certificate-serial = Nomor seri sertifikat
site-name-of-person = Nama
site-birth-date = Tanggal lahir
site-password-rules = 6–12 huruf, angka dan ~!@#$%^&*; tanpa spasi, < atau >.
site-password = Kata sandi
site-password-again = Ulangi kata sandi
site-strength = Kekuatan:{" "}
site-not-allowed = Tidak diizinkan:{" "}
site-weak = Lemah
site-medium = Sedang
site-medium-strong = Cukup kuat
site-strong = Kuat
site-no-spaces = Tanpa spasi
site-no-angle-brackets = Tanpa < atau >
site-allowed-characters-only = Hanya huruf, angka dan ~!@#$%^&*
site-at-least-6 = Minimal 6 karakter
site-at-most-12 = Maksimal 12 karakter
site-contact = Kontak
site-mobile = Nomor ponsel
site-email = E-mail
site-submit = Kirim
site-mobile-device-verification = Verifikasi perangkat seluler
site-device-code-intro = Halo { $name }. Tekan "Buat kode verifikasi", lalu di aplikasi pilih Autentikasi perangkat → Autentikasi kode perangkat dan pindai QR atau ketik kodenya (huruf besar dan kecil seperti tertera).
site-device-verification-code = Kode verifikasi perangkat
site-valid-until = Berlaku sampai
site-code-lifetime = (10 menit, sekali pakai)
site-produce-new-code = Buat kode baru
site-produce-code = Buat kode verifikasi
site-mobile-device-management = Pengelolaan perangkat seluler
site-devices-intro = Perangkat milik { $name }: beberapa dapat terhubung, satu yang aktif pada satu waktu.
site-no-device-yet = Belum ada perangkat yang diautentikasi.
site-device = Perangkat
site-bound-at = Terhubung
site-way = Cara
site-status = Status
site-active = Aktif
site-make-active = Jadikan aktif
site-quick-sign-in = Masuk cepat biometrik
site-quick-sign-in-off = Tidak aktif
site-quick-sign-in-on = Diaktifkan { $enrolled }; { $used }
site-quick-sign-in-used = terakhir dipakai { $time }
site-quick-sign-in-never-used = belum pernah dipakai
site-quick-sign-in-remove = Hapus
site-quick-sign-in-removed = Masuk cepat biometrik dihapus dari "{ $device }".
site-via-phone = Nomor ponsel
site-via-code = Kode perangkat
site-outbox-intro = Setiap e-mail yang dikirim backend referensi (server surat simulasi), untuk penguji.
site-no-mail = Belum ada e-mail.
site-mail-to = Kepada:
site-id-not-valid = Nomor identitas tidak valid.
site-locked = Terlalu banyak kata sandi salah: coba lagi dalam { $minutes } menit.
site-wrong-credentials = Nomor identitas atau kata sandi salah.
site-confirm-mail-subject = Pendaftaran Layanan Daring Kartu NHI: konfirmasi e-mail Anda
site-confirm-mail-body =
    Yth. { $name },

    Buka tautan ini dalam 5 hari untuk menyelesaikan pendaftaran; setelah itu permohonan gugur.

    { $link }

    Jika Anda tidak mendaftar, abaikan e-mail ini.
site-confirm-your-email = Konfirmasi e-mail Anda
site-confirmation-sent = E-mail konfirmasi dikirim ke { $email }. Buka tautannya dalam 5 hari untuk menyelesaikan.
site-home = Beranda
site-too-many-checks = Terlalu banyak pemeriksaan gagal: coba lagi dalam { $minutes } menit.
site-card-mismatch = Data kartu tidak cocok dengan catatan NHIA.
site-certificate-mismatch = Data sertifikat tidak cocok dengan catatan NHIA.
site-card-voided = Kartu NHI ini sudah dibatalkan.
site-already-registered = Nomor identitas ini sudah terdaftar: silakan masuk.
site-id-invalid = Nomor identitas tidak valid: formatnya atau digit pemeriksanya salah.
site-birth-date-format = Tanggal lahir harus TTTT-BB-HH.
site-card-number-format = Nomor kartu NHI terdiri dari 12 angka.
site-certificate-serial-format = Nomor seri sertifikat terdiri dari 16 huruf dan angka.
site-password-not-allowed = Kata sandi tidak diizinkan: 6–12 huruf, angka dan ~!@#$%^&*; tanpa spasi, < atau >.
site-passwords-differ = Kedua kata sandi berbeda.
site-mobile-format = Nomor ponsel adalah 09 diikuti 8 angka.
site-email-format = Alamat e-mail tidak valid.
site-apply-again = Ajukan lagi
site-invalid-link = Tautan tidak valid
site-invalid-link-detail = Tautan konfirmasi ini tidak valid.
site-already-confirmed = Sudah dikonfirmasi
site-already-confirmed-detail = Permohonan ini sudah dikonfirmasi: silakan masuk.
site-lapsed = Permohonan gugur
site-lapsed-detail = E-mail tidak dikonfirmasi dalam 5 hari, sehingga permohonan gugur. Silakan ajukan lagi.
site-registration-complete = Pendaftaran selesai
site-registration-complete-detail = Sekarang Anda dapat masuk dan membuat kode verifikasi perangkat.
site-mismatch-tries-left = { $mismatch } (sisa { $left } kali percobaan)
site-mismatch-locked = { $mismatch } Terlalu banyak pemeriksaan gagal: coba lagi dalam { $minutes } menit.
counter-name = Kartu NHI Virtual · loket klinik
counter-heading = Verifikasi Kartu NHI Virtual
counter-sign-out = Keluar dari loket
counter-card-readers = Pembaca kartu (SAM + HPC)
counter-institution-code = Kode institusi
counter-sam-key = Kunci kartu SAM
counter-hpc-id = ID kartu HPC
counter-hpc-pin = PIN HPC
counter-patient-qr = Kode QR pasien
counter-scanned-text = Teks hasil pindai
counter-upload = Atau unggah foto / tangkapan layar
counter-verify = Verifikasi
counter-result = Hasil
counter-verified = Terverifikasi
counter-visit-sequence = Nomor urut kunjungan
counter-holder-photo = Foto pemegang
counter-no-photo = Tanpa foto: periksa dokumen identitas
counter-name-of-holder = Nama
counter-id-number = Nomor identitas
counter-birth-date = Tanggal lahir
counter-sex = Jenis kelamin
counter-card-number = Nomor kartu NHI
counter-issued = Diterbitkan
counter-presented-by = Ditunjukkan oleh
counter-the-holder = Pemegang kartu
counter-institution = Institusi
counter-qr-expired = Kode QR sudah kedaluwarsa
counter-qr-expired-detail = Kode QR ini berumur lebih dari 5 menit. Minta pasien menekan "Perbarui" di aplikasi dan menunjukkannya lagi.
counter-qr-not-found = Kode QR tidak dikenal
counter-qr-not-found-detail = Ini bukan kode QR Kartu NHI Virtual yang valid. Minta pasien menunjukkannya lagi.
counter-qr-reused = Kode QR sudah dipakai
counter-qr-reused-detail = Kode QR ini sudah dipakai untuk membaca data kunjungan. Minta pasien menekan "Perbarui" di aplikasi dan menunjukkannya lagi.
counter-not-in-programme = Institusi ini tidak ikut program Kartu NHI Virtual
counter-not-in-programme-detail = Institusi ini tidak menerima kartu virtual. Minta kartu NHI fisik.
counter-card-voided = Kartu sudah dibatalkan
counter-card-voided-detail = Kartu NHI Virtual ini dibatalkan setelah kode QR dibuat. Minta kartu NHI fisik.
counter-authorization-inactive = Kuasa sudah tidak berlaku
counter-authorization-inactive-detail = Kuasa pemegang kartu untuk wakilnya dibatalkan atau sudah berakhir.
counter-credentials = Kartu tidak dapat dibaca
counter-credentials-detail = Kartu SAM atau HPC (dengan PIN-nya) salah, atau bukan milik institusi ini.
counter-hpc-blocked = HPC terkunci
counter-hpc-blocked-detail = PIN salah 3 kali berturut-turut; HPC terkunci sampai institusi membukanya.
counter-too-many-attempts = Terlalu banyak percobaan
counter-too-many-attempts-detail = Terlalu banyak percobaan yang salah. Silakan coba lagi nanti.
counter-qr-unreadable = Kode QR tidak dapat dibaca
counter-qr-unreadable-detail = Tidak ada kode QR Kartu NHI Virtual yang terbaca di foto atau tangkapan layar. Ambil foto yang lebih jelas atau pakai pemindai.
counter-bad-image = Berkas ini tidak dapat dipakai
counter-bad-image-detail = Berkas bukan gambar, atau gambarnya terlalu besar.
counter-photo-too-large-detail = Foto lebih besar dari 15 MB. Ambil lagi dengan resolusi lebih rendah, atau kirim tangkapan layar kodenya.
counter-form-unreadable-detail = Formulir tidak sampai utuh. Silakan kirim lagi.
counter-cannot-verify = Tidak dapat memverifikasi
counter-cannot-verify-detail = Silakan coba lagi; jika masih gagal, minta kartu NHI fisik.
counter-nothing-to-verify-detail = Tempel teks QR atau unggah foto, lalu coba lagi.
review-name = Konsol peninjau NHIA
review-login = Masuk peninjau
review-username = Nama pengguna
review-password = Kata sandi
review-queue = Antrean
review-applications-waiting = Permohonan yang menunggu
review-reviewer = Peninjau:
review-sign-out = Keluar
review-nothing-waiting = Tidak ada yang menunggu.
review-number = No.
review-submitted = Diajukan
review-channel = Cara pengajuan
review-channel-app = Pengajuan umum (oleh yang bersangkutan, di aplikasi)
review-channel-home-care = Pengajuan oleh tenaga medis: { $by }
review-channel-counter = Pengajuan di loket NHIA: { $by }
review-consent-form = Formulir persetujuan yang ditandatangani
review-review = Tinjau
review-application = Permohonan
review-insured-record = Catatan peserta asuransi
review-age = { $date } ({ $age } tahun)
review-document = Dokumen
review-phone = Telepon
review-id-document-front = Sisi depan dokumen identitas
review-photo = Foto
review-approve = Setujui
review-reason = Alasan
review-note = Catatan (wajib untuk "Lainnya")
review-reject = Tolak
review-wrong-credentials = Nama pengguna atau kata sandi salah (sisa { $left } kali percobaan sebelum terkunci).
review-locked = Terlalu banyak percobaan: coba lagi dalam { $minutes } menit.
review-status-under-review = Sedang ditinjau
review-status-approved = Disetujui
review-status-rejected = Ditolak
review-status-superseded = Digantikan permohonan yang lebih baru
review-status-cancelled = Dibatalkan
review-sex-male = Laki-laki
review-sex-female = Perempuan
review-document-national-id = Kartu identitas nasional
review-document-id-or-nhi-card = Kartu identitas atau kartu NHI (di bawah 14 tahun)
review-document-residence-permit = Izin tinggal
review-counter-application = Pengajuan di loket
review-counter-intro = Seseorang mengajukan Kartu NHI Virtual di loket dengan kartu identitasnya: periksa kartu identitas dan masukkan datanya, jelaskan kartu dan minta ia menandatangani formulir persetujuan, pindai atau foto formulir yang ditandatangani, bagian depan kartu identitas dan pas foto, masukkan kontaknya lalu kirim. Pengajuan masuk ke peninjauan dan ia diberi tahu lewat SMS dan e-mail.
review-counter-images = Kartu identitas dan foto
review-counter-files-missing = Lampirkan tiga gambar: formulir persetujuan yang ditandatangani, bagian depan kartu identitas dan pas foto.
review-counter-files-again = Untuk melindungi data orang tersebut, gambar yang dipilih tidak disimpan: pilih ketiga gambar lagi.
review-counter-done = Pengajuan no. { $number } untuk { $name } telah dikirim; ia telah diberi tahu lewat SMS dan e-mail.
review-counter-open = Buka pengajuan ini
review-counter-another = Orang berikutnya
review-counter-card-voided = Kartu NHI orang ini dibatalkan: Kartu NHI Virtual tidak dapat diajukan.
review-counter-bad-image = Salah satu gambar tidak dapat dibaca, terlalu besar atau terlalu kecil: pindai atau foto lagi.
review-counter-link = Pengajuan di loket
review-announcements = Informasi penting
review-announcements-intro = Informasi yang diterbitkan tampil di atas layanan di layar beranda aplikasi (5 terbaru), untuk semua orang: jangan sertakan data pribadi.
review-announcement-title = Judul (maksimal 60 karakter)
review-announcement-body = Isi (maksimal 500 karakter)
review-announcement-publish = Terbitkan
review-announcement-lang = Ditulis dalam
review-announcement-withdraw = Turunkan
review-announcement-required = Isi judul dan isinya.
review-announcement-too-long = Judul maksimal 60 karakter dan isi maksimal 500.
review-announcements-none = Tidak ada informasi penting.
counter-signed-in-as = Masuk: { $institution } ({ $card })
counter-presented-by-delegate = Seorang wakil: { $name } ({ $id })
counter-video-heading = Kunjungan video: minta kartu dari jarak jauh
counter-video-id = Nomor identitas pasien
counter-video-department = Poli
counter-video-time = Waktu kunjungan (waktu Taiwan)
counter-video-message = Catatan untuk pasien (opsional; tanpa rincian medis)
counter-video-message-shown = Catatan
counter-video-hint = Pasien melihat permintaan di aplikasi dan punya 10 menit untuk mengizinkan atau menolaknya; setelah diizinkan, hasil dan nomor kunjungan muncul di sini.
counter-video-request = Kirim permintaan
counter-video-sign-in-first = Masuk ke loket dengan pembaca kartu (verifikasi satu kode QR) untuk meminta kartu bagi kunjungan video.
counter-video-title = Permintaan kunjungan video
counter-video-back = Kembali ke loket
counter-video-patient = Pasien
counter-video-waiting = Menunggu pasien mengizinkannya di aplikasi (sampai { $time })…
counter-video-allowed-by-patient = Pasien mengizinkannya.
counter-video-allowed-by = Diizinkan untuk pasien oleh wakilnya { $name } ({ $id }).
counter-video-declined-by-patient = Pasien menolak. Verifikasi kartu dengan cara lain.
counter-video-declined-by = Ditolak untuk pasien oleh wakilnya { $name } ({ $id }).
counter-video-cancelled = Anda membatalkan permintaan ini.
counter-video-expired = Tidak ada jawaban dalam 10 menit: permintaan kedaluwarsa. Anda dapat mengirimnya lagi.
counter-video-cancel = Batalkan permintaan
counter-video-refresh = Muat ulang
counter-video-refused = Permintaan tidak terkirim
counter-video-invalid-id-detail = Nomor identitas tidak valid. Periksa dan coba lagi.
counter-video-invalid-detail = Waktu kunjungan harus antara 2 jam yang lalu dan 24 jam ke depan, polinya salah satu milik Anda, catatannya paling banyak 100 karakter.
counter-video-no-card-detail = Orang ini tidak punya Kartu NHI Virtual yang dapat dipakai. Gunakan kartu NHI atau cara lain.
counter-video-open-detail = Permintaan untuk pasien ini sudah menunggu. Tunggu jawabannya atau batalkan dulu.
counter-video-closed = Permintaan sudah berakhir
counter-video-answered-detail = Pasien sudah menjawab permintaan ini; permintaan tidak dapat dibatalkan lagi.
counter-video-expired-detail = Permintaan kedaluwarsa setelah 10 menit.
counter-video-cancelled-detail = Permintaan sudah dibatalkan.
counter-video-recent = Permintaan terbaru

## Lupa kata sandi (忘記註冊密碼)
site-forgot-password = Lupa kata sandi pendaftaran?
site-forgot-intro = Buktikan siapa Anda dengan cara Anda mendaftar: baca kartu NHI Anda di pembaca kartu (atau pakai sertifikat digital warga). Jika Anda punya akun, tautan untuk mengatur kata sandi baru dikirim ke alamat e-mail yang Anda konfirmasi saat mendaftar.
site-forgot-use-certificate = Pakai sertifikat digital warga saja
site-forgot-use-card = Pakai kartu NHI saja
site-forgot-send-link = Kirim tautan
site-reset-too-many = Tautan terlalu sering diminta: coba lagi dalam { $minutes } menit.
site-reset-sent-title = Periksa e-mail Anda
site-reset-sent = Jika ada akun untuk data ini, tautan untuk mengatur kata sandi baru dikirim ke alamat e-mail yang dikonfirmasi untuknya — atau, bagi akun tanpa e-mail, kode 6 angka lewat SMS ke nomor ponselnya: masukkan di "Saya punya kode SMS". Keduanya berlaku sekali, dalam 30 menit; meminta lagi menggantikannya.
site-reset-mail-subject = Pendaftaran Layanan Daring Kartu NHI: atur kata sandi baru
site-reset-mail-body =
    Yth. { $name },

    Seseorang yang membaca kartu NHI (atau sertifikat) Anda meminta untuk mengatur kata sandi pendaftaran baru. Buka tautan ini dalam 30 menit untuk memilihnya; tautan berlaku sekali.

    { $link }

    Jika ini bukan Anda, abaikan e-mail ini: kata sandi Anda tetap seperti semula.
site-new-password = Pilih kata sandi pendaftaran baru
site-new-password-save = Simpan kata sandi baru
site-reset-invalid = Tautan ini sudah tidak berlaku
site-reset-invalid-detail = Tautan untuk mengatur kata sandi baru berlaku sekali, dalam 30 menit, dan hanya yang terbaru. Mintalah yang baru.
site-reset-done = Kata sandi baru Anda sudah diatur
site-reset-done-detail = Masuklah dengannya di situs web dan di aplikasi. Semua yang masuk dengan kata sandi lama sudah dikeluarkan.
site-password-changed-mail-subject = Pendaftaran Layanan Daring Kartu NHI: kata sandi Anda diganti
site-password-changed-mail-body =
    Yth. { $name },

    Kata sandi pendaftaran akun Anda diganti pada { $time } (waktu Taiwan). Semua perangkat yang masuk sudah dikeluarkan.

    Jika ini bukan Anda, segera atur kata sandi baru ({ $link }) dan hubungi layanan NHIA di 0800-030-598.

## Kirim ulang konfirmasi (重寄確認信)
site-resend = Kirim ulang e-mail konfirmasi
site-resend-intro = Sudah mendaftar tetapi e-mail konfirmasi tidak datang, atau tautannya hilang? Masukkan nomor identitas dan alamat e-mail yang Anda pakai saat mendaftar. Tautan baru dikirim untuk permohonan yang masih menunggu dalam 5 harinya; tautan lama tidak berlaku lagi.
site-resend-send = Kirim lagi
site-resend-too-many = Terlalu sering dikirim ulang: coba lagi dalam { $minutes } menit.
site-resend-sent-title = Periksa e-mail Anda
site-resend-sent = Jika ada permohonan dengan nomor identitas dan e-mail ini yang menunggu konfirmasi, tautan baru dikirim ke alamat itu; tautan sebelumnya tidak berlaku lagi. Permohonan yang tidak dikonfirmasi dalam 5 hari gugur: ajukan lagi.

## Ganti kata sandi (註冊密碼變更)
site-change-password = Ganti kata sandi
site-current-password = Kata sandi saat ini
site-current-password-wrong = Kata sandi saat ini salah. Sisa { $left } kali percobaan sebelum akun dikunci 15 menit.
site-password-changed = Kata sandi Anda sudah diganti
site-password-changed-detail = Mulai sekarang pakai kata sandi baru, di situs web dan di aplikasi. Semua perangkat lain yang masuk sudah dikeluarkan; pemberitahuan dikirim ke alamat e-mail Anda.

## Ketentuan sebelum mendaftar (全民健康保險網路服務註冊管理作業要點)
site-rules-heading = Ketentuan pendaftaran layanan daring Asuransi Kesehatan Nasional
site-rules-1 = Sistem ini memungkinkan peserta asuransi mendaftar dengan kartu NHI atau sertifikat digital warga untuk memakai layanan daring NHIA.
site-rules-2 = Kata sandi pendaftaran, 6 sampai 12 huruf dan angka, diatur dan dijaga oleh pemohon; yang terlupa diatur ulang lewat "Lupa kata sandi pendaftaran?".
site-rules-3 = Pemohon memberikan alamat e-mail miliknya sendiri dan mengonfirmasinya dalam 5 hari; setelah itu permohonan gugur dan harus diajukan lagi.
site-rules-4 = Pemohon bertanggung jawab atas kebenaran data yang diberikan; mendaftar atas nama orang lain memiliki akibat hukum.
site-rules-5 = NHIA mengumpulkan, mengolah, dan memakai data pemohon untuk layanan ini berdasarkan Undang-Undang Perlindungan Data Pribadi.
site-rules-read = Saya sudah membaca dan memahami ketentuannya
site-rules-not-read = Bacalah ketentuannya dan centang "Saya sudah membaca dan memahami ketentuannya".

## E-mail keamanan
mail-device-bound-subject = NHI Express: sebuah perangkat diautentikasi untuk akun Anda
mail-device-bound-body =
    Yth. { $name },

    Perangkat "{ $device }" diautentikasi untuk akun Anda pada { $time } (waktu Taiwan) dan kini menjadi perangkat aktif: perangkat itu masuk dengan kata sandi pendaftaran Anda.

    Jika ini bukan Anda, segera atur kata sandi pendaftaran baru ({ $link }), jadikan perangkat Anda sendiri aktif lagi di "Pengelolaan perangkat", dan hubungi layanan NHIA di 0800-030-598.
mail-device-bound-by-phone-body =
    Yth. { $name },

    Perangkat "{ $device }" diautentikasi untuk akun Anda dengan nomor ponsel pada { $time } (waktu Taiwan), dan kata sandi pendaftaran baru diatur bersamanya. Kini perangkat itu yang aktif; semua sesi masuk lainnya sudah berakhir.

    Jika ini bukan Anda, segera atur kata sandi pendaftaran baru ({ $link }) dan hubungi layanan NHIA di 0800-030-598.
mail-device-switched-subject = NHI Express: perangkat aktif Anda berganti
mail-device-switched-body =
    Yth. { $name },

    Pada { $time } (waktu Taiwan) perangkat "{ $device }" dijadikan perangkat aktif akun Anda di situs pendaftaran; perangkat lain tidak dapat masuk lagi.

    Jika ini bukan Anda, segera atur kata sandi pendaftaran baru ({ $link }) dan hubungi layanan NHIA di 0800-030-598.

mail-quick-sign-in-enrolled-subject = NHI Express: masuk cepat biometrik diaktifkan
mail-quick-sign-in-enrolled-body =
    Yth. { $name },

    Pada { $time } (waktu Taiwan) masuk cepat biometrik diaktifkan untuk akun Anda di perangkat "{ $device }": pemeriksaan sidik jari atau wajah di perangkat itu kini membuat Anda masuk.

    Jika ini bukan Anda, segera atur kata sandi pendaftaran baru ({ $link }), yang menghapus semua masuk cepat, dan hubungi layanan NHIA di 0800-030-598.

mail-staff-application-subject = NHI Express: seseorang mengajukan Kartu NHI Virtual untuk Anda
mail-staff-application-body =
    Yth. { $name },

    Pada { $time } (waktu Taiwan) { $by } mengajukan Kartu NHI Virtual atas nama Anda, dengan persetujuan Anda (專案申請). NHIA sedang meninjaunya; sementara itu kartu tanpa foto dapat dipakai.

    Jika Anda tidak menyetujuinya, tarik pengajuan: masuk ke aplikasi NHI Express dengan akun Anda (ponsel anggota keluarga juga bisa), buka "Kartu NHI Virtual" dan tekan "Tarik pengajuan"; atau hubungi layanan NHIA di 0800-030-598.
sms-staff-application = NHI Express: { $by } mengajukan Kartu NHI Virtual Anda pada { $time }. Jika tidak setuju, tarik di aplikasi pada "Kartu NHI Virtual", atau hubungi 0800-030-598.

## 聯絡電話
site-local-phone = Telepon rumah (opsional)
site-local-phone-hint = Dengan kode area, mis. 02-2706-5866 atau (04)2259-3456#12.
site-local-phone-format = Telepon rumah berupa kode area dan nomor (6 sampai 20 angka, -, (, ), #).

## Data akun (帳號資料異動)
site-account = Data akun
site-account-new-email = Ganti alamat e-mail
site-account-new-email-hint = Tautan dikirim ke alamat baru; perubahan berlaku saat tautan dibuka (dalam 24 jam). Alamat Anda saat ini diberi tahu.
site-account-send-link = Kirim tautan
site-account-new-mobile = Ganti nomor ponsel
site-account-new-mobile-hint = Seperti autentikasi nomor ponsel di aplikasi, operator harus memastikan nomor itu pascabayar atas nama Anda sendiri.
site-account-save = Simpan
site-account-email-link-sent = Tautan dikirim ke alamat baru. Perubahan berlaku saat tautan dibuka.
site-account-mobile-changed = Nomor ponsel sudah diganti.
site-account-local-phone-changed = Telepon rumah sudah diganti.
site-account-no-contact = Akun ini belum punya data kontak: dibuat lewat autentikasi nomor ponsel di aplikasi. Daftarlah di situs ini untuk menambahkan alamat e-mail.
site-account-mobile-not-found = Tidak ada operator Taiwan yang memiliki nomor ini.
site-account-mobile-not-yours = Operator menyatakan nomor ini bukan atas nama Anda.
site-account-mobile-prepaid = Nomor prabayar tidak dapat dipakai; berikan nomor pascabayar atas nama Anda sendiri.
site-account-history = Perubahan
site-account-field = Data
site-account-change = Perubahan
site-account-asked = Diminta
site-account-effective = Berlaku sejak { $time }
site-account-not-confirmed = Belum dikonfirmasi
site-account-confirm-mail-subject = Pendaftaran Layanan Daring Kartu NHI: konfirmasi alamat e-mail baru Anda
site-account-confirm-mail-body =
    Yth. { $name },

    Buka tautan ini dalam 24 jam untuk menjadikan ini alamat e-mail akun Anda:

    { $link }

    Jika Anda tidak memintanya, abaikan e-mail ini: tidak ada yang berubah.
site-account-change-asked-mail-subject = Pendaftaran Layanan Daring Kartu NHI: ada permintaan mengganti alamat e-mail Anda
site-account-change-asked-mail-body =
    Yth. { $name },

    Pada { $time } (waktu Taiwan) seseorang yang masuk ke akun Anda meminta menjadikan { $email } alamat e-mailnya. Perubahan baru berlaku setelah alamat itu mengonfirmasi tautan.

    Jika ini bukan Anda, segera atur kata sandi pendaftaran baru dan hubungi layanan NHIA di 0800-030-598.
site-account-email-changed = Alamat e-mail Anda sudah diganti
site-account-email-changed-detail = E-mail akun kini dikirim ke { $email }.
site-account-email-link-dead = Tautan ini sudah tidak berlaku: sudah dipakai, digantikan yang lebih baru, atau lebih dari 24 jam.

## 使用說明 dan 電腦環境檢測
site-help = Cara memakai
site-help-register = Mendaftar
site-help-register-1 = Masukkan kartu NHI ke pembaca kartu (atau sertifikat digital warga), pilih "Daftar", dan isi formulir: data pembaca, kata sandi pendaftaran 6 sampai 12 huruf dan angka, nomor ponsel dan alamat e-mail.
site-help-register-2 = Baca ketentuannya dan centang "Saya sudah membaca dan memahami ketentuannya", lalu kirim permohonan.
site-help-register-3 = Buka tautan di e-mail konfirmasi dalam 5 hari. Lalu masuk di sini dengan nomor identitas dan kata sandi pendaftaran.
site-help-device = Mengautentikasi aplikasi NHI Express dengan kode perangkat
site-help-device-1 = Masuk dan buka "Verifikasi perangkat"; tekan tombol untuk membuat kode (berlaku 10 menit).
site-help-device-2 = Di aplikasi, pilih Autentikasi perangkat → Autentikasi kode perangkat, lalu pindai kode QR atau ketik kodenya.
site-help-device-3 = Masuk ke aplikasi dengan nomor identitas dan kata sandi pendaftaran. Di "Perangkat" Anda memilih perangkat mana yang aktif.
site-help-account = Akun Anda
site-help-account-signed-in = Setelah masuk: "Data akun" mengganti alamat e-mail dan telepon; "Ganti kata sandi" mengatur kata sandi pendaftaran baru.
site-check = Pemeriksaan lingkungan komputer
site-check-connection = Koneksi
site-check-connection-ok = Terenkripsi (HTTPS)
site-check-cookies = Cookie
site-check-cookies-script = Memeriksa… (perlu JavaScript)
site-check-cookies-ok = Tersimpan: Anda dapat masuk
site-check-cookies-off = Diblokir: izinkan cookie untuk situs ini agar dapat masuk
site-check-reader = Pembaca kartu
site-check-reader-ok = Menjawab (layanan pembaca disimulasikan oleh backend ini)
site-check-browser = Peramban
site-check-hint = Jika pemeriksaan gagal, izinkan cookie untuk situs ini, atau pakai versi terbaru peramban Anda.

## Kode SMS untuk kata sandi yang terlupa
site-reset-have-code = Saya punya kode SMS
site-reset-code = Masukkan kode SMS
site-reset-code-intro = Ketik nomor identitas Anda dan kode 6 angka dari SMS. Berlaku sekali, dalam 30 menit.
site-reset-code-field = Kode SMS (6 angka)
site-reset-code-next = Lanjut
site-reset-code-wrong = Kode ini salah atau sudah tidak berlaku. Sisa { $left } kali percobaan.
site-reset-sms = Pendaftaran Layanan Daring Kartu NHI: kode Anda untuk mengatur kata sandi baru adalah { $code }. Berlaku sekali dalam 30 menit. Jangan beri tahu siapa pun; NHIA tidak pernah memintanya.
site-outbox-sms = Pesan teks (operator simulasi)
personal-title = Layanan Daring Data NHI Pribadi
personal-intro = Autentikasi perangkat dengan sertifikat warga: masuk dengan sertifikat, ajukan akun perangkat seluler terlebih dahulu, lalu di "Autentikasi perangkat seluler" tekan "Buat kode perangkat" dan baca kode QR dengan aplikasi NHI Express, atau ketik kodenya.
personal-log-in = Masuk dengan sertifikat warga
personal-with-card-instead = Memakai kartu NHI dan kata sandi pendaftaran?
personal-signed-in-as = Masuk dengan sertifikat warga:
personal-mobile-account = Pengajuan akun perangkat seluler
personal-mobile-account-intro = Atur kata sandi akun perangkat seluler dan kontak Anda; setelah itu masuk ke aplikasi NHI Express dengan nomor identitas dan kata sandi ini. Pemohon:
personal-has-account = Anda sudah memiliki akun perangkat seluler (pendaftaran Layanan Daring Kartu NHI): lanjutkan ke autentikasi perangkat; masuk ke aplikasi dengan kata sandi pendaftaran Anda.
personal-apply-account = Ajukan
personal-contact = Kontak
personal-done = selesai
personal-device-verification = Autentikasi perangkat seluler
personal-device-verification-hint = buat kode perangkat untuk dibaca aplikasi
personal-log-out = Keluar
