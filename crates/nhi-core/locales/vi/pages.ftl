mail-approved-subject = Đơn đã được duyệt
mail-approved-body = Đơn xin Thẻ NHI ảo của bạn (số { $number }) đã được duyệt; thẻ nay hiển thị ảnh của bạn.
mail-rejected-subject = Đơn bị từ chối
mail-rejected-body = Đơn của bạn (số { $number }) bị từ chối: { $reason }{ $note }. Vui lòng nộp lại trong ứng dụng.
mail-note =  ({ $note })
mail-received-subject = Đã nhận đơn
mail-received-body =
    Kính gửi { $name },
    
    Chúng tôi đã nhận đơn xin Thẻ NHI ảo của bạn (số { $number }). Việc xét duyệt mất tối đa 7 ngày làm việc; trong thời gian đó có thể dùng thẻ không có ảnh kèm giấy tờ tùy thân.
site-name = Đăng ký Dịch vụ Trực tuyến Thẻ NHI
site-device-verification = Xác minh thiết bị
site-devices = Thiết bị
site-log-out = Đăng xuất
site-register = Đăng ký
site-log-in = Đăng nhập
site-footer = Backend tham chiếu NHI Express
site-outbox = Hộp thư đi thử nghiệm
site-home-intro = Đăng ký bằng thẻ NHI (và đầu đọc thẻ) hoặc chứng thư số công dân, đặt mật khẩu, rồi tạo mã xác minh thiết bị để xác thực ứng dụng NHI Express.
site-register-with-card = Đăng ký bằng thẻ NHI
site-register-with-card-hint = Với thẻ NHI và đầu đọc thẻ
site-register-with-certificate = Đăng ký bằng chứng thư số công dân
site-register-with-certificate-hint = Với thẻ chứng thư và đầu đọc thẻ, tại Dịch vụ trực tuyến dữ liệu NHI cá nhân: tài khoản thiết bị di động và mã thiết bị
site-log-in-hint = Xác minh thiết bị, quản lý thiết bị
site-id-number = Số căn cước
site-registration-password = Mật khẩu đăng ký
site-card-reader-data = Dữ liệu đầu đọc thẻ
site-certificate-data = Dữ liệu chứng thư
site-insert-card = Cắm thẻ vào; đây là thông tin đầu đọc trả về.
site-insert-certificate = Cắm chứng thư vào; đây là thông tin của nó.
site-card-number = Số thẻ NHI
site-certificate-serial = Số sê-ri chứng thư
site-name-of-person = Họ tên
site-birth-date = Ngày sinh
site-password-rules = 6–12 chữ cái, chữ số và ~!@#$%^&*; không có khoảng trắng, < hoặc >.
site-password = Mật khẩu
site-password-again = Nhập lại mật khẩu
site-strength = Độ mạnh:{" "}
site-not-allowed = Không được phép:{" "}
site-weak = Yếu
site-medium = Trung bình
site-medium-strong = Khá mạnh
site-strong = Mạnh
site-no-spaces = Không có khoảng trắng
site-no-angle-brackets = Không có < hoặc >
site-allowed-characters-only = Chỉ chữ cái, chữ số và ~!@#$%^&*
site-at-least-6 = Ít nhất 6 ký tự
site-at-most-12 = Tối đa 12 ký tự
site-contact = Liên hệ
site-mobile = Số điện thoại di động
site-email = E-mail
site-submit = Gửi
site-mobile-device-verification = Xác minh thiết bị di động
site-device-code-intro = Xin chào { $name }. Nhấn "Tạo mã xác minh", rồi trong ứng dụng chọn Xác thực thiết bị → Xác thực bằng mã thiết bị và quét QR hoặc gõ mã (chữ hoa và chữ thường như hiển thị).
site-device-verification-code = Mã xác minh thiết bị
site-valid-until = Có hiệu lực đến
site-code-lifetime = (10 phút, dùng một lần)
site-produce-new-code = Tạo mã mới
site-produce-code = Tạo mã xác minh
site-mobile-device-management = Quản lý thiết bị di động
site-devices-intro = Thiết bị của { $name }: có thể liên kết nhiều thiết bị, mỗi lúc chỉ một thiết bị đang dùng.
site-no-device-yet = Chưa có thiết bị nào được xác thực.
site-device = Thiết bị
site-bound-at = Liên kết lúc
site-way = Cách
site-status = Trạng thái
site-active = Đang dùng
site-make-active = Đặt làm thiết bị đang dùng
site-quick-sign-in = Đăng nhập nhanh sinh trắc học
site-quick-sign-in-off = Chưa bật
site-quick-sign-in-on = Bật lúc { $enrolled }; { $used }
site-quick-sign-in-used = dùng lần cuối { $time }
site-quick-sign-in-never-used = chưa dùng lần nào
site-quick-sign-in-remove = Gỡ bỏ
site-quick-sign-in-removed = Đã gỡ đăng nhập nhanh sinh trắc học khỏi "{ $device }".
site-via-phone = Số điện thoại
site-via-code = Mã thiết bị
site-outbox-intro = Mọi e-mail backend tham chiếu đã gửi (máy chủ thư mô phỏng), dành cho người kiểm thử.
site-no-mail = Chưa có e-mail.
site-mail-to = Gửi đến:
site-id-not-valid = Số căn cước không hợp lệ.
site-locked = Sai mật khẩu quá nhiều lần: thử lại sau { $minutes } phút.
site-wrong-credentials = Sai số căn cước hoặc mật khẩu.
site-confirm-mail-subject = Đăng ký Dịch vụ Trực tuyến Thẻ NHI: xác nhận e-mail của bạn
site-confirm-mail-body =
    Kính gửi { $name },

    Vui lòng mở liên kết này trong vòng 5 ngày để hoàn tất đăng ký; sau đó đơn sẽ hết hiệu lực.

    { $link }

    Nếu bạn không đăng ký, hãy bỏ qua e-mail này.
site-confirm-your-email = Xác nhận e-mail của bạn
site-confirmation-sent = E-mail xác nhận đã được gửi đến { $email }. Mở liên kết trong vòng 5 ngày để hoàn tất.
site-home = Trang chủ
site-too-many-checks = Kiểm tra thất bại quá nhiều lần: thử lại sau { $minutes } phút.
site-card-mismatch = Dữ liệu thẻ không khớp với hồ sơ của NHIA.
site-certificate-mismatch = Dữ liệu chứng thư không khớp với hồ sơ của NHIA.
site-card-voided = Thẻ NHI này đã bị hủy.
site-already-registered = Số căn cước này đã đăng ký: vui lòng đăng nhập.
site-id-invalid = Số căn cước không hợp lệ: sai định dạng hoặc số kiểm tra.
site-birth-date-format = Ngày sinh phải theo dạng YYYY-MM-DD.
site-card-number-format = Số thẻ NHI gồm 12 chữ số.
site-certificate-serial-format = Số sê-ri chứng thư gồm 16 chữ cái và chữ số.
site-password-not-allowed = Mật khẩu không được phép: 6–12 chữ cái, chữ số và ~!@#$%^&*; không có khoảng trắng, < hoặc >.
site-passwords-differ = Hai mật khẩu không giống nhau.
site-mobile-format = Số di động là 09 và 8 chữ số.
site-email-format = Địa chỉ e-mail không hợp lệ.
site-apply-again = Đăng ký lại
site-invalid-link = Liên kết không hợp lệ
site-invalid-link-detail = Liên kết xác nhận này không hợp lệ.
site-already-confirmed = Đã xác nhận
site-already-confirmed-detail = Đơn này đã được xác nhận: vui lòng đăng nhập.
site-lapsed = Đơn đã hết hiệu lực
site-lapsed-detail = E-mail không được xác nhận trong vòng 5 ngày nên đơn đã hết hiệu lực. Vui lòng đăng ký lại.
site-registration-complete = Đăng ký hoàn tất
site-registration-complete-detail = Bây giờ bạn có thể đăng nhập và tạo mã xác minh thiết bị.
site-mismatch-tries-left = { $mismatch } (còn { $left } lần thử)
site-mismatch-locked = { $mismatch } Kiểm tra thất bại quá nhiều lần: thử lại sau { $minutes } phút.
counter-name = Thẻ NHI ảo · quầy phòng khám
counter-heading = Xác minh Thẻ NHI ảo
counter-sign-out = Đăng xuất khỏi quầy
counter-card-readers = Đầu đọc thẻ (SAM + HPC)
counter-institution-code = Mã cơ sở y tế
counter-sam-key = Khóa thẻ SAM
counter-hpc-id = Mã thẻ HPC
counter-hpc-pin = PIN HPC
counter-patient-qr = Mã QR của bệnh nhân
counter-scanned-text = Văn bản đã quét
counter-upload = Hoặc tải lên ảnh / ảnh chụp màn hình
counter-verify = Xác minh
counter-result = Kết quả
counter-verified = Đã xác minh
counter-visit-sequence = Số thứ tự khám
counter-holder-photo = Ảnh chủ thẻ
counter-no-photo = Không có ảnh: kiểm tra giấy tờ tùy thân
counter-name-of-holder = Họ tên
counter-id-number = Số căn cước
counter-birth-date = Ngày sinh
counter-sex = Giới tính
counter-card-number = Số thẻ NHI
counter-issued = Ngày cấp
counter-presented-by = Người xuất trình
counter-the-holder = Chủ thẻ
counter-institution = Cơ sở y tế
counter-qr-expired = Mã QR đã hết hạn
counter-qr-expired-detail = Mã QR này đã quá 5 phút. Hãy nhờ bệnh nhân nhấn "Cập nhật" trong ứng dụng và xuất trình lại.
counter-qr-not-found = Mã QR không xác định
counter-qr-not-found-detail = Đây không phải mã QR Thẻ NHI ảo hợp lệ. Hãy nhờ bệnh nhân xuất trình lại.
counter-qr-reused = Mã QR đã được dùng
counter-qr-reused-detail = Mã QR này đã được dùng để đọc dữ liệu khám. Hãy nhờ bệnh nhân nhấn "Cập nhật" trong ứng dụng và xuất trình lại.
counter-not-in-programme = Cơ sở này không tham gia chương trình Thẻ NHI ảo
counter-not-in-programme-detail = Cơ sở này không nhận thẻ ảo. Hãy yêu cầu thẻ NHI vật lý.
counter-card-voided = Thẻ đã bị hủy
counter-card-voided-detail = Thẻ NHI ảo này đã bị hủy sau khi mã QR được tạo. Hãy yêu cầu thẻ NHI vật lý.
counter-authorization-inactive = Ủy quyền không còn hiệu lực
counter-authorization-inactive-detail = Ủy quyền của chủ thẻ cho người đại diện đã bị hủy hoặc đã kết thúc.
counter-credentials = Không đọc được thẻ
counter-credentials-detail = Thẻ SAM hoặc HPC (cùng PIN) sai, hoặc không thuộc cơ sở này.
counter-hpc-blocked = HPC bị khóa
counter-hpc-blocked-detail = Nhập sai PIN 3 lần liên tiếp; HPC bị khóa cho đến khi cơ sở mở khóa.
counter-too-many-attempts = Thử quá nhiều lần
counter-too-many-attempts-detail = Thử sai quá nhiều lần. Vui lòng thử lại sau.
counter-qr-unreadable = Không đọc được mã QR
counter-qr-unreadable-detail = Không có mã QR Thẻ NHI ảo đọc được trong ảnh hoặc ảnh chụp màn hình. Hãy chụp rõ hơn hoặc dùng máy quét.
counter-bad-image = Không dùng được tệp này
counter-bad-image-detail = Tệp không phải là ảnh, hoặc ảnh quá lớn.
counter-photo-too-large-detail = Ảnh lớn hơn 15 MB. Hãy chụp lại với độ phân giải thấp hơn, hoặc gửi ảnh chụp màn hình của mã.
counter-form-unreadable-detail = Biểu mẫu không đến trọn vẹn. Vui lòng gửi lại.
counter-cannot-verify = Không thể xác minh
counter-cannot-verify-detail = Vui lòng thử lại; nếu vẫn lỗi, hãy yêu cầu thẻ NHI vật lý.
counter-nothing-to-verify-detail = Dán văn bản QR hoặc tải ảnh lên, rồi thử lại.
review-name = Bảng điều khiển xét duyệt NHIA
review-login = Đăng nhập người xét duyệt
review-username = Tên người dùng
review-password = Mật khẩu
review-queue = Hàng đợi
review-applications-waiting = Đơn đang chờ
review-reviewer = Người xét duyệt:
review-sign-out = Đăng xuất
review-nothing-waiting = Không có đơn nào đang chờ.
review-number = Số
review-submitted = Ngày nộp
review-channel = Hình thức đăng ký
review-channel-app = Đăng ký thông thường (chính người đó, trong ứng dụng)
review-channel-home-care = Đăng ký bởi nhân viên y tế: { $by }
review-channel-counter = Đăng ký tại quầy NHIA: { $by }
review-consent-form = Phiếu đồng ý người đó đã ký
review-review = Xét duyệt
review-application = Đơn
review-insured-record = Hồ sơ người được bảo hiểm
review-age = { $date } ({ $age } tuổi)
review-document = Giấy tờ
review-phone = Điện thoại
review-id-document-front = Mặt trước giấy tờ tùy thân
review-photo = Ảnh
review-approve = Duyệt
review-reason = Lý do
review-note = Ghi chú (bắt buộc với "Khác")
review-reject = Từ chối
review-wrong-credentials = Sai tên người dùng hoặc mật khẩu (còn { $left } lần thử trước khi bị khóa).
review-locked = Thử quá nhiều lần: thử lại sau { $minutes } phút.
review-status-under-review = Đang xét duyệt
review-status-approved = Đã duyệt
review-status-rejected = Bị từ chối
review-status-superseded = Đã được thay bằng đơn mới hơn
review-status-cancelled = Đã hủy
review-sex-male = Nam
review-sex-female = Nữ
review-document-national-id = Thẻ căn cước quốc gia
review-document-id-or-nhi-card = Thẻ căn cước hoặc thẻ NHI (dưới 14 tuổi)
review-document-residence-permit = Thẻ cư trú
review-counter-application = Nộp đơn tại quầy
review-counter-intro = Người dân nộp đơn Thẻ NHI ảo tại quầy với giấy tờ tùy thân: kiểm tra giấy tờ và nhập thông tin, giải thích về thẻ và mời người đó ký giấy đồng ý, quét hoặc chụp giấy đồng ý đã ký, mặt trước giấy tờ và ảnh chân dung, nhập thông tin liên lạc rồi gửi. Đơn được chuyển xét duyệt và người đó được báo qua SMS và e-mail.
review-counter-images = Giấy tờ và ảnh
review-counter-files-missing = Hãy đính kèm ba ảnh: giấy đồng ý đã ký, mặt trước giấy tờ và ảnh chân dung.
review-counter-files-again = Để bảo vệ dữ liệu của người dân, ảnh đã chọn không được giữ lại: hãy chọn lại ba ảnh.
review-counter-done = Đã gửi đơn số { $number } cho { $name }; người đó đã được báo qua SMS và e-mail.
review-counter-open = Mở đơn này
review-counter-another = Người tiếp theo
review-counter-card-voided = Thẻ NHI của người này đã bị hủy: không thể nộp đơn Thẻ NHI ảo.
review-counter-bad-image = Một trong các ảnh không đọc được, quá lớn hoặc quá nhỏ: hãy quét hoặc chụp lại.
review-counter-link = Nộp đơn tại quầy
review-announcements = Thông tin quan trọng
review-announcements-intro = Thông tin đã đăng hiện phía trên các dịch vụ ở màn hình chính của ứng dụng (5 tin mới nhất), cho mọi người: không đưa dữ liệu cá nhân.
review-announcement-title = Tiêu đề (tối đa 60 ký tự)
review-announcement-body = Nội dung (tối đa 500 ký tự)
review-announcement-publish = Đăng
review-announcement-lang = Viết bằng
review-announcement-withdraw = Gỡ xuống
review-announcement-required = Hãy điền tiêu đề và nội dung.
review-announcement-too-long = Tiêu đề tối đa 60 ký tự và nội dung tối đa 500.
review-announcements-none = Chưa có thông tin quan trọng.
counter-signed-in-as = Đã đăng nhập: { $institution } ({ $card })
counter-presented-by-delegate = Người đại diện: { $name } ({ $id })
counter-video-heading = Khám qua video: yêu cầu thẻ từ xa
counter-video-id = Số căn cước của bệnh nhân
counter-video-department = Khoa
counter-video-time = Giờ khám (giờ Đài Loan)
counter-video-message = Ghi chú cho bệnh nhân (không bắt buộc; không ghi chi tiết y tế)
counter-video-message-shown = Ghi chú
counter-video-hint = Bệnh nhân thấy yêu cầu trong ứng dụng và có 10 phút để cho phép hoặc từ chối; khi được cho phép, kết quả và số thứ tự khám hiện ở đây.
counter-video-request = Gửi yêu cầu
counter-video-sign-in-first = Đăng nhập quầy bằng đầu đọc thẻ (xác minh một mã QR) để yêu cầu thẻ cho khám qua video.
counter-video-title = Yêu cầu khám qua video
counter-video-back = Quay lại quầy
counter-video-patient = Bệnh nhân
counter-video-waiting = Đang chờ bệnh nhân cho phép trong ứng dụng (đến { $time })…
counter-video-allowed-by-patient = Bệnh nhân đã cho phép.
counter-video-allowed-by = Được người đại diện { $name } ({ $id }) cho phép thay bệnh nhân.
counter-video-declined-by-patient = Bệnh nhân đã từ chối. Hãy xác minh thẻ bằng cách khác.
counter-video-declined-by = Bị người đại diện { $name } ({ $id }) từ chối thay bệnh nhân.
counter-video-cancelled = Bạn đã hủy yêu cầu này.
counter-video-expired = Không có trả lời trong 10 phút: yêu cầu đã hết hạn. Bạn có thể gửi lại.
counter-video-cancel = Hủy yêu cầu
counter-video-refresh = Làm mới
counter-video-refused = Yêu cầu chưa được gửi
counter-video-invalid-id-detail = Số căn cước không hợp lệ. Hãy kiểm tra và thử lại.
counter-video-invalid-detail = Giờ khám phải trong khoảng từ 2 giờ trước đến 24 giờ tới, khoa phải là một khoa của bạn, ghi chú tối đa 100 ký tự.
counter-video-no-card-detail = Người này không có Thẻ NHI ảo dùng được. Hãy dùng thẻ NHI hoặc cách khác.
counter-video-open-detail = Đã có một yêu cầu cho bệnh nhân này đang chờ. Hãy chờ trả lời hoặc hủy nó trước.
counter-video-closed = Yêu cầu đã kết thúc
counter-video-answered-detail = Bệnh nhân đã trả lời yêu cầu này; không thể hủy nữa.
counter-video-expired-detail = Yêu cầu đã hết hạn sau 10 phút.
counter-video-cancelled-detail = Yêu cầu đã bị hủy.
counter-video-recent = Yêu cầu gần đây

## Quên mật khẩu (忘記註冊密碼)
site-forgot-password = Quên mật khẩu đăng ký?
site-forgot-intro = Hãy chứng minh bạn là ai theo cách bạn đã đăng ký: đọc thẻ NHI bằng đầu đọc thẻ (hoặc dùng chứng thư số công dân). Nếu bạn có tài khoản, liên kết đặt mật khẩu mới sẽ được gửi đến địa chỉ e-mail bạn đã xác nhận khi đăng ký.
site-forgot-use-certificate = Dùng chứng thư số công dân thay thế
site-forgot-use-card = Dùng thẻ NHI thay thế
site-forgot-send-link = Gửi liên kết
site-reset-too-many = Yêu cầu liên kết quá thường xuyên: thử lại sau { $minutes } phút.
site-reset-sent-title = Hãy kiểm tra e-mail
site-reset-sent = Nếu có tài khoản cho thông tin này, liên kết đặt mật khẩu mới đã được gửi đến địa chỉ e-mail đã xác nhận của tài khoản — hoặc, với tài khoản không có e-mail, một mã 6 chữ số qua SMS đến số di động của tài khoản: hãy nhập tại "Tôi có mã SMS". Cả hai chỉ dùng một lần, trong 30 phút; yêu cầu lại sẽ thay thế cái cũ.
site-reset-mail-subject = Đăng ký Dịch vụ Trực tuyến Thẻ NHI: đặt mật khẩu mới
site-reset-mail-body =
    Kính gửi { $name },

    Một người đã đọc thẻ NHI (hoặc chứng thư) của bạn và yêu cầu đặt mật khẩu đăng ký mới. Hãy mở liên kết này trong vòng 30 phút để chọn mật khẩu; liên kết chỉ dùng một lần.

    { $link }

    Nếu không phải bạn, hãy bỏ qua e-mail này: mật khẩu của bạn vẫn giữ nguyên.
site-new-password = Chọn mật khẩu đăng ký mới
site-new-password-save = Lưu mật khẩu mới
site-reset-invalid = Liên kết này không còn dùng được
site-reset-invalid-detail = Liên kết đặt mật khẩu mới chỉ dùng một lần, trong 30 phút, và chỉ liên kết mới nhất. Hãy yêu cầu liên kết mới.
site-reset-done = Đã đặt mật khẩu mới
site-reset-done-detail = Hãy đăng nhập bằng mật khẩu này trên trang web và trong ứng dụng. Mọi phiên đăng nhập bằng mật khẩu cũ đã bị đăng xuất.
site-password-changed-mail-subject = Đăng ký Dịch vụ Trực tuyến Thẻ NHI: mật khẩu của bạn đã được đổi
site-password-changed-mail-body =
    Kính gửi { $name },

    Mật khẩu đăng ký của tài khoản bạn đã được đổi lúc { $time } (giờ Đài Loan). Mọi thiết bị đang đăng nhập đã bị đăng xuất.

    Nếu không phải bạn, hãy đặt mật khẩu mới ngay ({ $link }) và gọi đường dây hỗ trợ của NHIA 0800-030-598.

## Gửi lại xác nhận (重寄確認信)
site-resend = Gửi lại e-mail xác nhận
site-resend-intro = Đã đăng ký nhưng không nhận được e-mail xác nhận, hoặc mất liên kết? Hãy nhập số căn cước và địa chỉ e-mail đã dùng khi đăng ký. Liên kết mới được gửi cho đơn còn đang chờ trong 5 ngày; liên kết cũ không còn dùng được.
site-resend-send = Gửi lại
site-resend-too-many = Gửi lại quá thường xuyên: thử lại sau { $minutes } phút.
site-resend-sent-title = Hãy kiểm tra e-mail
site-resend-sent = Nếu có đơn với số căn cước và e-mail này đang chờ xác nhận, liên kết mới đã được gửi đến địa chỉ đó; liên kết trước không còn dùng được. Đơn không được xác nhận trong 5 ngày sẽ hết hiệu lực: khi đó hãy đăng ký lại.

## Đổi mật khẩu (註冊密碼變更)
site-change-password = Đổi mật khẩu
site-current-password = Mật khẩu hiện tại
site-current-password-wrong = Mật khẩu hiện tại không đúng. Còn { $left } lần thử trước khi tài khoản bị khóa 15 phút.
site-password-changed = Mật khẩu của bạn đã được đổi
site-password-changed-detail = Từ nay hãy dùng mật khẩu mới trên trang web và trong ứng dụng. Mọi thiết bị khác đang đăng nhập đã bị đăng xuất; thông báo đã được gửi đến e-mail của bạn.

## Quy định trước khi đăng ký (全民健康保險網路服務註冊管理作業要點)
site-rules-heading = Quy định đăng ký dịch vụ trực tuyến Bảo hiểm Y tế Quốc gia
site-rules-1 = Hệ thống này cho phép người được bảo hiểm đăng ký bằng thẻ NHI hoặc chứng thư số công dân để dùng các dịch vụ trực tuyến của NHIA.
site-rules-2 = Mật khẩu đăng ký, 6 đến 12 chữ cái và chữ số, do người đăng ký tự đặt và tự giữ; mật khẩu bị quên được đặt lại qua "Quên mật khẩu đăng ký?".
site-rules-3 = Người đăng ký cung cấp địa chỉ e-mail của chính mình và xác nhận trong vòng 5 ngày; sau đó đơn hết hiệu lực và phải đăng ký lại.
site-rules-4 = Người đăng ký chịu trách nhiệm về tính chính xác của thông tin; đăng ký dưới tên người khác sẽ chịu hậu quả pháp lý.
site-rules-5 = NHIA thu thập, xử lý và sử dụng dữ liệu của người đăng ký cho dịch vụ này theo Luật Bảo vệ Dữ liệu Cá nhân.
site-rules-read = Tôi đã đọc và hiểu các quy định
site-rules-not-read = Vui lòng đọc các quy định và đánh dấu "Tôi đã đọc và hiểu các quy định".

## E-mail bảo mật
mail-device-bound-subject = NHI Express: một thiết bị đã được xác thực cho tài khoản của bạn
mail-device-bound-body =
    Kính gửi { $name },

    Thiết bị "{ $device }" đã được xác thực cho tài khoản của bạn lúc { $time } (giờ Đài Loan) và nay là thiết bị đang dùng: thiết bị này đăng nhập bằng mật khẩu đăng ký của bạn.

    Nếu không phải bạn, hãy đặt mật khẩu đăng ký mới ngay ({ $link }), đặt lại thiết bị của bạn làm thiết bị đang dùng trong "Quản lý thiết bị", và gọi đường dây hỗ trợ của NHIA 0800-030-598.
mail-device-bound-by-phone-body =
    Kính gửi { $name },

    Thiết bị "{ $device }" đã được xác thực cho tài khoản của bạn bằng số điện thoại lúc { $time } (giờ Đài Loan), kèm theo một mật khẩu đăng ký mới. Nay đó là thiết bị đang dùng; mọi phiên đăng nhập khác đã kết thúc.

    Nếu không phải bạn, hãy đặt mật khẩu đăng ký mới ngay ({ $link }) và gọi đường dây hỗ trợ của NHIA 0800-030-598.
mail-device-switched-subject = NHI Express: thiết bị đang dùng của bạn đã thay đổi
mail-device-switched-body =
    Kính gửi { $name },

    Lúc { $time } (giờ Đài Loan) thiết bị "{ $device }" đã được đặt làm thiết bị đang dùng của tài khoản bạn trên trang đăng ký; các thiết bị khác không thể đăng nhập nữa.

    Nếu không phải bạn, hãy đặt mật khẩu đăng ký mới ngay ({ $link }) và gọi đường dây hỗ trợ của NHIA 0800-030-598.

mail-quick-sign-in-enrolled-subject = NHI Express: đã bật đăng nhập nhanh sinh trắc học
mail-quick-sign-in-enrolled-body =
    Kính gửi { $name },

    Lúc { $time } (giờ Đài Loan) đăng nhập nhanh sinh trắc học đã được bật cho tài khoản của bạn trên thiết bị "{ $device }": kiểm tra vân tay hoặc khuôn mặt trên thiết bị đó giờ sẽ đăng nhập cho bạn.

    Nếu không phải bạn, hãy đặt mật khẩu đăng ký mới ngay ({ $link }), việc này xóa mọi đăng nhập nhanh, và gọi đường dây hỗ trợ của NHIA 0800-030-598.

mail-staff-application-subject = NHI Express: có người đã đăng ký Thẻ NHI ảo cho bạn
mail-staff-application-body =
    Kính gửi { $name },

    Lúc { $time } (giờ Đài Loan) { $by } đã đăng ký Thẻ NHI ảo thay cho bạn, với sự đồng ý của bạn (專案申請). NHIA đang xét duyệt; trong thời gian đó có thể dùng thẻ chưa có ảnh.

    Nếu bạn không đồng ý, hãy rút đơn: đăng nhập ứng dụng NHI Express bằng tài khoản của bạn (điện thoại của người nhà cũng được), mở "Thẻ NHI ảo" và nhấn "Rút đơn"; hoặc gọi đường dây hỗ trợ của NHIA 0800-030-598.
sms-staff-application = NHI Express: { $by } đã đăng ký Thẻ NHI ảo cho bạn lúc { $time }. Nếu không đồng ý, hãy rút đơn trong ứng dụng ở mục "Thẻ NHI ảo", hoặc gọi 0800-030-598.

## 聯絡電話
site-local-phone = Điện thoại bàn (không bắt buộc)
site-local-phone-hint = Kèm mã vùng, ví dụ 02-2706-5866 hoặc (04)2259-3456#12.
site-local-phone-format = Điện thoại bàn gồm mã vùng và số (6 đến 20 ký tự: chữ số, -, (, ), #).

## Dữ liệu tài khoản (帳號資料異動)
site-account = Dữ liệu tài khoản
site-account-new-email = Đổi địa chỉ e-mail
site-account-new-email-hint = Liên kết được gửi đến địa chỉ mới; thay đổi có hiệu lực khi liên kết được mở (trong 24 giờ). Địa chỉ hiện tại của bạn sẽ được thông báo.
site-account-send-link = Gửi liên kết
site-account-new-mobile = Đổi số di động
site-account-new-mobile-hint = Giống xác thực số điện thoại trong ứng dụng, nhà mạng phải xác nhận số đó là thuê bao trả sau đứng tên bạn.
site-account-save = Lưu
site-account-email-link-sent = Liên kết đã được gửi đến địa chỉ mới. Thay đổi có hiệu lực khi liên kết được mở.
site-account-mobile-changed = Đã đổi số di động.
site-account-local-phone-changed = Đã đổi điện thoại bàn.
site-account-no-contact = Tài khoản này chưa có dữ liệu liên hệ: nó được tạo bằng xác thực số điện thoại trong ứng dụng. Hãy đăng ký trên trang này để thêm địa chỉ e-mail.
site-account-mobile-not-found = Không nhà mạng Đài Loan nào có số này.
site-account-mobile-not-yours = Nhà mạng cho biết số này không đứng tên bạn.
site-account-mobile-prepaid = Không dùng được số trả trước; hãy nhập số trả sau đứng tên bạn.
site-account-history = Các thay đổi
site-account-field = Dữ liệu
site-account-change = Thay đổi
site-account-asked = Yêu cầu lúc
site-account-effective = Có hiệu lực từ { $time }
site-account-not-confirmed = Chưa xác nhận
site-account-confirm-mail-subject = Đăng ký Dịch vụ Trực tuyến Thẻ NHI: xác nhận địa chỉ e-mail mới
site-account-confirm-mail-body =
    Kính gửi { $name },

    Hãy mở liên kết này trong vòng 24 giờ để đặt địa chỉ này làm e-mail của tài khoản bạn:

    { $link }

    Nếu bạn không yêu cầu, hãy bỏ qua e-mail này: không có gì thay đổi.
site-account-change-asked-mail-subject = Đăng ký Dịch vụ Trực tuyến Thẻ NHI: có yêu cầu đổi địa chỉ e-mail của bạn
site-account-change-asked-mail-body =
    Kính gửi { $name },

    Lúc { $time } (giờ Đài Loan) một người đã đăng nhập vào tài khoản của bạn yêu cầu đặt { $email } làm địa chỉ e-mail. Thay đổi chỉ có hiệu lực khi địa chỉ đó xác nhận liên kết.

    Nếu không phải bạn, hãy đặt mật khẩu đăng ký mới ngay và gọi đường dây hỗ trợ của NHIA 0800-030-598.
site-account-email-changed = Đã đổi địa chỉ e-mail
site-account-email-changed-detail = Thư của tài khoản nay được gửi đến { $email }.
site-account-email-link-dead = Liên kết này không còn dùng được: đã được dùng, đã có liên kết mới hơn, hoặc đã quá 24 giờ.

## 使用說明 và 電腦環境檢測
site-help = Hướng dẫn sử dụng
site-help-register = Đăng ký
site-help-register-1 = Cắm thẻ NHI vào đầu đọc thẻ (hoặc chứng thư số công dân), chọn "Đăng ký" và điền biểu mẫu: dữ liệu đầu đọc, mật khẩu đăng ký 6 đến 12 chữ cái và chữ số, số di động và địa chỉ e-mail.
site-help-register-2 = Đọc quy định và đánh dấu "Tôi đã đọc và hiểu các quy định", rồi gửi đơn.
site-help-register-3 = Mở liên kết trong e-mail xác nhận trong vòng 5 ngày. Sau đó đăng nhập tại đây bằng số căn cước và mật khẩu đăng ký.
site-help-device = Xác thực ứng dụng NHI Express bằng mã thiết bị
site-help-device-1 = Đăng nhập và mở "Xác minh thiết bị"; nhấn nút để tạo mã (có hiệu lực 10 phút).
site-help-device-2 = Trong ứng dụng, chọn Xác thực thiết bị → Xác thực bằng mã thiết bị, rồi quét mã QR hoặc gõ mã.
site-help-device-3 = Đăng nhập ứng dụng bằng số căn cước và mật khẩu đăng ký. Trong "Thiết bị" bạn chọn thiết bị nào đang dùng.
site-help-account = Tài khoản của bạn
site-help-account-signed-in = Khi đã đăng nhập: "Dữ liệu tài khoản" đổi địa chỉ e-mail và điện thoại; "Đổi mật khẩu" đặt mật khẩu đăng ký mới.
site-check = Kiểm tra môi trường máy tính
site-check-connection = Kết nối
site-check-connection-ok = Đã mã hóa (HTTPS)
site-check-cookies = Cookie
site-check-cookies-script = Đang kiểm tra… (cần JavaScript)
site-check-cookies-ok = Được lưu: bạn có thể đăng nhập
site-check-cookies-off = Bị chặn: hãy cho phép cookie của trang này để đăng nhập
site-check-reader = Đầu đọc thẻ
site-check-reader-ok = Đang phản hồi (dịch vụ đầu đọc do backend này mô phỏng)
site-check-browser = Trình duyệt
site-check-hint = Nếu một mục kiểm tra thất bại, hãy cho phép cookie của trang này, hoặc dùng phiên bản trình duyệt mới.

## Mã SMS khi quên mật khẩu
site-reset-have-code = Tôi có mã SMS
site-reset-code = Nhập mã SMS
site-reset-code-intro = Nhập số căn cước và mã 6 chữ số trong tin nhắn. Mã chỉ dùng một lần, trong 30 phút.
site-reset-code-field = Mã SMS (6 chữ số)
site-reset-code-next = Tiếp
site-reset-code-wrong = Mã này sai hoặc không còn hiệu lực. Còn { $left } lần thử.
site-reset-sms = Đăng ký Dịch vụ Trực tuyến Thẻ NHI: mã để đặt mật khẩu mới của bạn là { $code }. Chỉ dùng một lần trong 30 phút. Đừng cho ai biết; NHIA không bao giờ hỏi mã này.
site-outbox-sms = Tin nhắn (nhà mạng mô phỏng)
personal-title = Dịch vụ trực tuyến dữ liệu NHI cá nhân
personal-intro = Xác thực thiết bị bằng chứng thư số công dân: đăng nhập bằng chứng thư, đăng ký tài khoản thiết bị di động trước, rồi trong "Xác thực thiết bị di động" nhấn "Tạo mã thiết bị" và đọc mã QR bằng ứng dụng NHI Express, hoặc nhập mã.
personal-log-in = Đăng nhập bằng chứng thư số công dân
personal-with-card-instead = Dùng thẻ NHI và mật khẩu đăng ký?
personal-signed-in-as = Đã đăng nhập bằng chứng thư số công dân:
personal-mobile-account = Đăng ký tài khoản thiết bị di động
personal-mobile-account-intro = Đặt mật khẩu tài khoản thiết bị di động và thông tin liên lạc; sau đó đăng nhập ứng dụng NHI Express bằng số căn cước và mật khẩu này. Người đăng ký:
personal-has-account = Bạn đã có tài khoản thiết bị di động (đăng ký Dịch vụ trực tuyến thẻ NHI): hãy tiếp tục xác thực thiết bị; đăng nhập ứng dụng bằng mật khẩu đăng ký.
personal-apply-account = Đăng ký
personal-contact = Liên lạc
personal-done = đã xong
personal-device-verification = Xác thực thiết bị di động
personal-device-verification-hint = tạo mã thiết bị để ứng dụng đọc
personal-log-out = Đăng xuất
