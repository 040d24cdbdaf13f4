mail-approved-subject = 虛擬健保卡申請已核准
mail-approved-body = 您的虛擬健保卡申請（編號 { $number }）已核准，卡面已顯示您的照片。
mail-rejected-subject = 虛擬健保卡申請未通過
mail-rejected-body = 您的虛擬健保卡申請（編號 { $number }）未通過：{ $reason }{ $note }。請於 App 重新申辦。
mail-note = （{ $note }）
mail-received-subject = 虛擬健保卡申請已收到
mail-received-body =
    { $name } 您好：
    
    我們已收到您的虛擬健保卡申請（編號 { $number }），審核約需 7 個工作天。審核期間可先使用無照片的虛擬健保卡，就醫時請出示身分證明文件。
site-name = 健保卡網路服務註冊
site-device-verification = 行動裝置認證
site-devices = 行動裝置管理
site-log-out = 登出
site-register = 註冊
site-log-in = 登入
site-footer = 全民健保行動快易通參考後端
site-outbox = 測試郵件匣
site-home-intro = 以健保卡（搭配讀卡機）或自然人憑證註冊，設定密碼後即可產生「行動裝置認證碼」，在全民健保行動快易通 App 完成裝置認證。
site-register-with-card = 健保卡註冊
site-register-with-card-hint = 以健保卡搭配讀卡機
site-register-with-certificate = 自然人憑證註冊
site-register-with-certificate-hint = 以自然人憑證搭配讀卡機，於「個人健保資料網路服務作業」申請行動裝置帳號及裝置認證碼
site-log-in-hint = 行動裝置認證、行動裝置管理
site-id-number = 身分證號
site-registration-password = 註冊密碼
site-card-reader-data = 讀卡資料
site-certificate-data = 憑證資料
site-insert-card = 請將健保卡插入讀卡機；以下為讀卡機讀到的資料。
site-insert-certificate = 請插入自然人憑證；以下為憑證資料。
site-card-number = 健保卡號
site-certificate-serial = 憑證序號
site-name-of-person = 姓名
site-birth-date = 出生日期
site-password-rules = 6–12 碼英文字母、數字及 ~!@#$%^&*，不可含空白、< 或 >。
site-password = 密碼
site-password-again = 再次輸入密碼
site-strength = 密碼強度：
site-not-allowed = 不符規則：
site-weak = 弱
site-medium = 中
site-medium-strong = 中強
site-strong = 強
site-no-spaces = 不可含空白
site-no-angle-brackets = 不可含 < 或 >
site-allowed-characters-only = 僅限英數字與 ~!@#$%^&*
site-at-least-6 = 至少 6 碼
site-at-most-12 = 最多 12 碼
site-contact = 聯絡資料
site-mobile = 手機號碼
site-email = 電子郵件
site-submit = 送出申請
site-mobile-device-verification = 行動裝置認證
site-device-code-intro = { $name } 您好。按下「產生驗證碼」，再於 App 的「裝置認證 → 裝置碼認證」掃描 QR 碼或輸入驗證碼（大小寫須相同）。
site-device-verification-code = 行動裝置認證碼
site-valid-until = 有效期限
site-code-lifetime = （10 分鐘，僅能使用一次）
site-produce-new-code = 重新產生驗證碼
site-produce-code = 產生驗證碼
site-mobile-device-management = 行動裝置管理
site-devices-intro = { $name } 的裝置。同一身分可綁定多個裝置，但同時只有一個可以使用。
site-no-device-yet = 尚未有裝置完成認證。
site-device = 裝置
site-bound-at = 認證時間
site-way = 方式
site-status = 狀態
site-active = 使用中
site-make-active = 設為使用中
site-quick-sign-in = 生物辨識輔助登入
site-quick-sign-in-off = 未開啟
site-quick-sign-in-on = 開啟於 { $enrolled }；{ $used }
site-quick-sign-in-used = 上次使用 { $time }
site-quick-sign-in-never-used = 尚未使用
site-quick-sign-in-remove = 移除
site-quick-sign-in-removed = 已移除「{ $device }」的生物辨識輔助登入。
site-via-phone = 行動電話認證
site-via-code = 裝置碼認證
site-outbox-intro = 參考後端寄出的所有電子郵件（模擬郵件伺服器），供測試人員使用。
site-no-mail = 目前沒有郵件。
site-mail-to = 收件人：
site-id-not-valid = 身分證號格式有誤。
site-locked = 密碼錯誤次數過多，請於 { $minutes } 分鐘後再試。
site-wrong-credentials = 身分證號或密碼錯誤。
site-confirm-mail-subject = 健保卡網路服務註冊：請確認電子郵件
site-confirm-mail-body =
    { $name } 您好：

    請於 5 天內開啟下列連結，完成健保卡網路服務註冊。逾期申請將失效，需重新申請。

    { $link }

    若您沒有申請，請忽略此信。
site-confirm-your-email = 請確認電子郵件
site-confirmation-sent = 確認信已寄到 { $email }。請在 5 天內開啟信中的連結完成註冊。
site-home = 回首頁
site-too-many-checks = 比對失敗次數過多，請於 { $minutes } 分鐘後再試。
site-card-mismatch = 讀卡資料與健保署資料不符。
site-certificate-mismatch = 憑證與健保署資料不符。
site-card-voided = 此健保卡已註銷。
site-already-registered = 此身分證號已註冊，請直接登入。
site-id-invalid = 身分證號有誤：格式或檢查碼不正確。
site-birth-date-format = 出生日期請填 YYYY-MM-DD。
site-card-number-format = 健保卡號為 12 碼數字。
site-certificate-serial-format = 憑證序號為 16 碼英數字。
site-password-not-allowed = 密碼不符規則：6–12 碼英文字母、數字及 ~!@#$%^&*，不可含空白、< 或 >。
site-passwords-differ = 兩次輸入的密碼不同。
site-mobile-format = 手機號碼為 09 開頭 10 碼。
site-email-format = 電子郵件格式有誤。
site-apply-again = 重新申請
site-invalid-link = 連結無效
site-invalid-link-detail = 這個確認連結無效。
site-already-confirmed = 已完成註冊
site-already-confirmed-detail = 這個申請已確認過，請直接登入。
site-lapsed = 申請已失效
site-lapsed-detail = 未於 5 天內確認電子郵件，申請已失效，請重新申請。
site-registration-complete = 註冊完成
site-registration-complete-detail = 您可以登入本網站，產生行動裝置認證碼。
site-mismatch-tries-left = { $mismatch }（尚可再試 { $left } 次）
site-mismatch-locked = { $mismatch }比對失敗次數過多，請於 { $minutes } 分鐘後再試。
counter-name = 虛擬健保卡櫃檯驗證
counter-heading = 櫃檯驗證虛擬健保卡
counter-sign-out = 登出櫃檯
counter-card-readers = 讀卡機（安全模組卡＋醫事人員卡）
counter-institution-code = 醫事機構代碼
counter-sam-key = 安全模組卡金鑰
counter-hpc-id = 醫事人員卡號
counter-hpc-pin = 醫事人員卡 PIN
counter-patient-qr = 病人的 QR 碼
counter-scanned-text = 掃描器讀到的內容
counter-upload = 或上傳手機畫面照片／截圖
counter-verify = 驗證
counter-result = 驗證結果
counter-verified = 驗證成功
counter-visit-sequence = 就醫序號
counter-holder-photo = 持卡人照片
counter-no-photo = 無照片：請核對身分證明文件
counter-name-of-holder = 姓名
counter-id-number = 身分證號
counter-birth-date = 出生日期
counter-sex = 性別
counter-card-number = 健保卡號
counter-issued = 發卡日期
counter-presented-by = 出示者
counter-the-holder = 本人
counter-institution = 院所
counter-qr-expired = QR 碼已逾時
counter-qr-expired-detail = 此 QR 碼已超過 5 分鐘，請病人在 App 按「更新」後再出示。
counter-qr-not-found = 查無此 QR 碼
counter-qr-not-found-detail = 這不是有效的虛擬健保卡 QR 碼，請病人重新出示。
counter-qr-reused = QR 碼已使用過
counter-qr-reused-detail = 此 QR 碼已用於取得就醫資料，請病人在 App 按「更新」後再出示。
counter-not-in-programme = 本院所未加入虛擬健保卡服務
counter-not-in-programme-detail = 本院所不接受虛擬健保卡，請病人出示實體健保卡。
counter-card-voided = 此卡已註銷
counter-card-voided-detail = 這張虛擬健保卡在 QR 碼產生後已註銷，請病人出示實體健保卡。
counter-authorization-inactive = 授權已失效
counter-authorization-inactive-detail = 持卡人給受託人的授權已取消或到期。
counter-credentials = 讀卡失敗
counter-credentials-detail = 安全模組卡或醫事人員卡（含 PIN）有誤，或不屬於本院所。
counter-hpc-blocked = 醫事人員卡已鎖定
counter-hpc-blocked-detail = PIN 連續錯誤 3 次，醫事人員卡已鎖定，須由本院所解除鎖定。
counter-too-many-attempts = 嘗試次數過多
counter-too-many-attempts-detail = 錯誤次數過多，請稍後再試。
counter-qr-unreadable = 無法讀取 QR 碼
counter-qr-unreadable-detail = 照片或截圖中找不到可讀取的虛擬健保卡 QR 碼，請拍清楚或改用掃描器。
counter-bad-image = 無法使用這個檔案
counter-bad-image-detail = 檔案不是圖片，或圖片太大。
counter-photo-too-large-detail = 照片超過 15 MB。請以較低解析度重拍，或改傳 QR 碼的螢幕截圖。
counter-form-unreadable-detail = 表單未完整送達，請再送出一次。
counter-cannot-verify = 無法驗證
counter-cannot-verify-detail = 請再試一次；若仍失敗，請病人出示實體健保卡。
counter-nothing-to-verify-detail = 請貼上 QR 碼內容或上傳照片後再試。
review-name = 虛擬健保卡審核系統
review-login = 審核人員登入
review-username = 帳號
review-password = 密碼
review-queue = 待審核
review-applications-waiting = 待審核申請
review-reviewer = 審核人員：
review-sign-out = 登出
review-nothing-waiting = 目前沒有待審核的申請。
review-number = 編號
review-submitted = 送件時間
review-channel = 申請方式
review-channel-app = 一般申請（本人以 App 申請）
review-channel-home-care = 專案申請（醫事人員）：{ $by }
review-channel-counter = 專案申請（臨櫃人員）：{ $by }
review-consent-form = 民眾簽署的同意書
review-review = 審核
review-application = 申請
review-insured-record = 投保資料
review-age = { $date }（{ $age } 歲）
review-document = 應附證件
review-phone = 聯絡電話
review-id-document-front = 證件正面
review-photo = 大頭照
review-approve = 核准
review-reason = 退件原因
review-note = 補充說明（「其他」必填）
review-reject = 退件
review-wrong-credentials = 帳號或密碼錯誤，還可再試 { $left } 次。
review-locked = 嘗試次數過多，請於 { $minutes } 分鐘後再試。
review-status-under-review = 審核中
review-status-approved = 已核准
review-status-rejected = 未通過
review-status-superseded = 已被新申請取代
review-status-cancelled = 已註銷
review-sex-male = 男
review-sex-female = 女
review-document-national-id = 國民身分證
review-document-id-or-nhi-card = 身分證或健保卡（未滿 14 歲）
review-document-residence-permit = 居留證
review-counter-application = 臨櫃申辦
review-counter-intro = 民眾本人持身分證件臨櫃申辦虛擬健保卡：核對證件後輸入民眾資料，向民眾說明並請其簽署同意書，掃描或拍攝同意書、證件正面及大頭照，填寫民眾的聯絡方式後送出。申請將進入審核，並以簡訊及電子郵件通知民眾。
review-counter-images = 證件與照片
review-counter-files-missing = 請附上簽署的同意書、證件正面及大頭照三張影像。
review-counter-files-again = 為保護民眾個資，已選的影像不會保留，請重新選擇三張影像。
review-counter-done = 已為 { $name } 送出第 { $number } 號申請，並已以簡訊及電子郵件通知民眾。
review-counter-open = 檢視這件申請
review-counter-another = 受理下一位民眾
review-counter-card-voided = 此民眾的健保卡已註銷，無法申辦虛擬健保卡。
review-counter-bad-image = 有一張影像無法讀取、太大或太小，請重新掃描或拍攝。
review-counter-link = 臨櫃申辦
review-announcements = 重要資訊
review-announcements-intro = 發布的重要資訊會顯示在 App 首頁的服務上方（最新 5 則），所有民眾都看得到，請勿包含個人資料。
review-announcement-title = 標題（60 字以內）
review-announcement-body = 內容（500 字以內）
review-announcement-publish = 發布
review-announcement-lang = 撰寫語言
review-announcement-withdraw = 下架
review-announcement-required = 請填寫標題及內容。
review-announcement-too-long = 標題限 60 字、內容限 500 字。
review-announcements-none = 目前沒有重要資訊。
counter-signed-in-as = 櫃檯已登入：{ $institution }（{ $card }）
counter-presented-by-delegate = 受託人：{ $name }（{ $id }）
counter-video-heading = 視訊診療：遠端請求健保卡
counter-video-id = 病人身分證號
counter-video-department = 科別
counter-video-time = 視訊時間（臺灣時間）
counter-video-message = 給病人的留言（選填，請勿填寫病情）
counter-video-message-shown = 留言
counter-video-hint = 病人會在 App 看到請求，10 分鐘內可同意或拒絕；同意後這裡會顯示核對結果與就醫序號。
counter-video-request = 送出請求
counter-video-sign-in-first = 請先插入讀卡機的卡片並核對一次 QR 碼登入櫃檯，才能發出視訊診療請求。
counter-video-title = 視訊診療請求
counter-video-back = 回到櫃檯
counter-video-patient = 病人
counter-video-waiting = 等待病人在 App 中同意（至 { $time } 止）…
counter-video-allowed-by-patient = 病人已同意。
counter-video-allowed-by = 受授權人 { $name }（{ $id }）已代為同意。
counter-video-declined-by-patient = 病人已拒絕，請改用其他方式核對身分。
counter-video-declined-by = 受授權人 { $name }（{ $id }）已代為拒絕。
counter-video-cancelled = 已取消這項請求。
counter-video-expired = 10 分鐘內未回覆，請求已失效；可再發出一次。
counter-video-cancel = 取消請求
counter-video-refresh = 重新整理
counter-video-refused = 無法發出請求
counter-video-invalid-id-detail = 身分證號格式不正確，請核對後再試。
counter-video-invalid-detail = 視訊時間須在 2 小時前到 24 小時後之間，科別須為本院所科別，留言最多 100 字。
counter-video-no-card-detail = 此人沒有可用的虛擬健保卡，請改用健保卡或其他方式。
counter-video-open-detail = 已有一筆等待回覆的請求，請等待回覆或先取消。
counter-video-closed = 請求已結束
counter-video-answered-detail = 病人已回覆這項請求，無法再取消。
counter-video-expired-detail = 請求已超過 10 分鐘而失效。
counter-video-cancelled-detail = 請求已經取消。
counter-video-recent = 最近的請求

## 忘記註冊密碼
site-forgot-password = 忘記註冊密碼
site-forgot-intro = 請以註冊時的方式證明身分：將健保卡插入讀卡機（或使用自然人憑證）。如已註冊，重設密碼的連結將寄至您註冊時確認的電子郵件信箱。
site-forgot-use-certificate = 改用自然人憑證
site-forgot-use-card = 改用健保卡
site-forgot-send-link = 寄送連結
site-reset-too-many = 索取連結次數過多，請於 { $minutes } 分鐘後再試。
site-reset-sent-title = 請收信
site-reset-sent = 如這些資料已註冊帳號，重設密碼的連結已寄至該帳號確認過的電子郵件信箱；帳號沒有電子郵件者，則以簡訊將 6 位數驗證碼傳送至其手機門號，請至「我有簡訊驗證碼」輸入。連結及驗證碼皆限 30 分鐘內使用一次；再次索取時，舊的即失效。
site-reset-mail-subject = 健保卡網路服務註冊：重設註冊密碼
site-reset-mail-body =
    { $name } 您好：

    有人以您的健保卡（或憑證）申請重設註冊密碼。請於 30 分鐘內開啟下列連結設定新密碼，連結限用一次。

    { $link }

    若不是您本人申請，請忽略此信，您的密碼不會變更。
site-new-password = 設定新的註冊密碼
site-new-password-save = 儲存新密碼
site-reset-invalid = 此連結已失效
site-reset-invalid-detail = 重設密碼的連結限 30 分鐘內使用一次，且僅最新寄出的有效。請重新索取。
site-reset-done = 新密碼已設定
site-reset-done-detail = 請以新密碼登入網站及 App。先前以舊密碼登入的裝置皆已登出。
site-password-changed-mail-subject = 健保卡網路服務註冊：註冊密碼已變更
site-password-changed-mail-body =
    { $name } 您好：

    您帳號的註冊密碼已於 { $time }（臺灣時間）變更，所有已登入的裝置皆已登出。

    若不是您本人變更，請立即重設密碼（{ $link }），並洽健保署客服專線 0800-030-598。

## 重寄確認信
site-resend = 重寄確認信
site-resend-intro = 已申請但沒收到確認信，或連結遺失了？請輸入身分證號及申請時填寫的電子郵件。對於 5 天內仍待確認的申請，系統會寄出新連結，舊連結即失效。
site-resend-send = 重新寄送
site-resend-too-many = 重寄次數過多，請於 { $minutes } 分鐘後再試。
site-resend-sent-title = 請收信
site-resend-sent = 如此身分證號及電子郵件有待確認的申請，新連結已寄至該信箱，先前的連結已失效。申請逾 5 天未確認即失效，請重新申請。

## 註冊密碼變更
site-change-password = 註冊密碼變更
site-current-password = 目前的密碼
site-current-password-wrong = 目前的密碼錯誤，再錯 { $left } 次帳號將鎖定 15 分鐘。
site-password-changed = 註冊密碼已變更
site-password-changed-detail = 請自即日起以新密碼登入網站及 App。其他已登入的裝置皆已登出，並已寄送通知至您的電子郵件信箱。

## 全民健康保險網路服務註冊管理作業要點
site-rules-heading = 全民健康保險網路服務註冊管理作業要點
site-rules-1 = 本系統提供保險對象以健保卡或自然人憑證註冊，使用健保署網路服務。
site-rules-2 = 註冊密碼為 6 至 12 碼英數字，由申請人自行設定並妥善保管；忘記時可經「忘記註冊密碼」重新設定。
site-rules-3 = 申請人應填寫本人之電子郵件信箱，並於 5 天內完成電子郵件認證；逾期申請失效，須重新申請。
site-rules-4 = 申請人應確保所填資料正確；冒用他人身分申請者，應負法律責任。
site-rules-5 = 健保署為辦理本服務，依個人資料保護法蒐集、處理及利用申請人之個人資料。
site-rules-read = 我已閱讀完畢，並瞭解相關規定
site-rules-not-read = 請閱讀註冊管理作業要點，並勾選「我已閱讀完畢，並瞭解相關規定」。

## 安全通知信
mail-device-bound-subject = 健保快易通：您的帳號有新的裝置完成認證
mail-device-bound-body =
    { $name } 您好：

    裝置「{ $device }」已於 { $time }（臺灣時間）完成您帳號的裝置認證，並成為使用中的裝置，可以您的註冊密碼登入。

    若不是您本人操作，請立即重設註冊密碼（{ $link }），於「行動裝置管理作業」將您自己的裝置設為使用中，並洽健保署客服專線 0800-030-598。
mail-device-bound-by-phone-body =
    { $name } 您好：

    裝置「{ $device }」已於 { $time }（臺灣時間）以行動電話認證完成您帳號的裝置認證，並同時設定了新的註冊密碼。該裝置現為使用中的裝置，其他登入皆已結束。

    若不是您本人操作，請立即重設註冊密碼（{ $link }），並洽健保署客服專線 0800-030-598。
mail-device-switched-subject = 健保快易通：您帳號使用中的裝置已變更
mail-device-switched-body =
    { $name } 您好：

    您的帳號已於 { $time }（臺灣時間）在註冊網站將裝置「{ $device }」設為使用中的裝置，其他裝置將無法登入。

    若不是您本人操作，請立即重設註冊密碼（{ $link }），並洽健保署客服專線 0800-030-598。

mail-quick-sign-in-enrolled-subject = 健保快易通：您的帳號已開啟生物辨識輔助登入
mail-quick-sign-in-enrolled-body =
    { $name } 您好：

    您的帳號已於 { $time }（臺灣時間）在裝置「{ $device }」開啟生物辨識輔助登入，此後在該裝置驗證指紋或臉部即可登入。

    若不是您本人操作，請立即重設註冊密碼（{ $link }），重設後所有生物辨識輔助登入將一併移除，並洽健保署客服專線 0800-030-598。

mail-staff-application-subject = 健保快易通：已有人為您申辦虛擬健保卡
mail-staff-application-body =
    { $name } 您好：

    { $by } 已於 { $time }（臺灣時間）經您同意，為您申辦虛擬健保卡（專案申請），申請正由健保署審核，審核期間即可使用無照片的虛擬健保卡。

    若您未曾同意，請撤回申請：以您的帳號登入「健保快易通」App（家人的手機也可以），進入「虛擬健保卡」按「撤回申請」；或洽健保署客服專線 0800-030-598。
sms-staff-application = 健保快易通：{ $by } 已於 { $time } 為您申辦虛擬健保卡。若未曾同意，請登入 App 於「虛擬健保卡」撤回申請，或撥 0800-030-598。

## 聯絡電話
site-local-phone = 聯絡電話（市話，選填）
site-local-phone-hint = 請含區碼，例如 02-2706-5866 或 (04)2259-3456#12。
site-local-phone-format = 聯絡電話請填區碼及號碼（6 至 20 碼，可含 -、(、)、#）。

## 帳號資料異動
site-account = 帳號資料異動
site-account-new-email = 變更電子郵件
site-account-new-email-hint = 確認連結將寄至新信箱，開啟後（24 小時內）才會生效；並會通知您目前的信箱。
site-account-send-link = 寄送確認連結
site-account-new-mobile = 變更手機號碼
site-account-new-mobile-hint = 與 App 的行動電話認證相同，須經電信業者確認為您本人名義的月租型門號。
site-account-save = 儲存
site-account-email-link-sent = 確認連結已寄至新信箱，開啟後即生效。
site-account-mobile-changed = 手機號碼已變更。
site-account-local-phone-changed = 聯絡電話已變更。
site-account-no-contact = 此帳號尚無聯絡資料（係於 App 以行動電話認證建立）。請於本網站註冊以加入電子郵件。
site-account-mobile-not-found = 查無此手機門號。
site-account-mobile-not-yours = 電信業者回覆此門號非您本人名義。
site-account-mobile-prepaid = 預付卡門號無法使用，請填寫您本人名義的月租型門號。
site-account-history = 異動紀錄
site-account-field = 資料
site-account-change = 異動
site-account-asked = 申請時間
site-account-effective = 已於 { $time } 生效
site-account-not-confirmed = 未確認
site-account-confirm-mail-subject = 健保卡網路服務註冊：請確認新的電子郵件
site-account-confirm-mail-body =
    { $name } 您好：

    請於 24 小時內開啟下列連結，將此信箱設為您帳號的電子郵件：

    { $link }

    若不是您本人申請，請忽略此信，資料不會變更。
site-account-change-asked-mail-subject = 健保卡網路服務註冊：有人申請變更您的電子郵件
site-account-change-asked-mail-body =
    { $name } 您好：

    已登入您帳號者於 { $time }（臺灣時間）申請將電子郵件改為 { $email }，須該信箱確認連結後才會生效。

    若不是您本人申請，請立即重設註冊密碼，並洽健保署客服專線 0800-030-598。
site-account-email-changed = 電子郵件已變更
site-account-email-changed-detail = 帳號的通知信今後將寄至 { $email }。
site-account-email-link-dead = 此連結已失效：已使用過、已有較新的連結，或已超過 24 小時。

## 使用說明及電腦環境檢測
site-help = 使用說明
site-help-register = 註冊
site-help-register-1 = 將健保卡插入讀卡機（或使用自然人憑證），選擇「註冊」並填寫表單：讀卡資料、6 至 12 碼英數字的註冊密碼、手機號碼及電子郵件。
site-help-register-2 = 閱讀註冊管理作業要點並勾選「我已閱讀完畢，並瞭解相關規定」，送出申請。
site-help-register-3 = 於 5 天內開啟確認信中的連結，即可以身分證號及註冊密碼登入本網站。
site-help-device = 以裝置碼認證「全民健保行動快易通」App
site-help-device-1 = 登入後點選「行動裝置認證」，按下按鈕產生裝置認證碼（有效 10 分鐘）。
site-help-device-2 = 在 App 選擇「裝置認證」→「裝置碼認證」，掃描 QR Code 或輸入認證碼。
site-help-device-3 = 以身分證號及註冊密碼登入 App。於「行動裝置管理」可選擇使用中的裝置。
site-help-account = 您的帳號
site-help-account-signed-in = 登入後，「帳號資料異動」可變更電子郵件及電話；「註冊密碼變更」可設定新的註冊密碼。
site-check = 電腦環境檢測
site-check-connection = 連線
site-check-connection-ok = 已加密（HTTPS）
site-check-cookies = Cookie
site-check-cookies-script = 檢測中…（需啟用 JavaScript）
site-check-cookies-ok = 可儲存：可以登入
site-check-cookies-off = 已封鎖：請允許本網站的 Cookie 才能登入
site-check-reader = 讀卡機
site-check-reader-ok = 回應正常（讀卡機服務由本後端模擬）
site-check-browser = 瀏覽器
site-check-hint = 若檢測未通過，請允許本網站的 Cookie，或使用最新版本的瀏覽器。

## 忘記註冊密碼的簡訊驗證碼
site-reset-have-code = 我有簡訊驗證碼
site-reset-code = 輸入簡訊驗證碼
site-reset-code-intro = 請輸入身分證號及簡訊中的 6 位數驗證碼，限 30 分鐘內使用一次。
site-reset-code-field = 簡訊驗證碼（6 位數）
site-reset-code-next = 下一步
site-reset-code-wrong = 驗證碼錯誤或已失效，還可再試 { $left } 次。
site-reset-sms = 健保卡網路服務註冊：您重設密碼的驗證碼為 { $code }，30 分鐘內有效，限用一次。請勿告知他人，健保署不會向您索取。
site-outbox-sms = 簡訊（模擬電信業者）
personal-title = 個人健保資料網路服務作業
personal-intro = 以自然人憑證進行裝置認證：插入自然人憑證登入後，先完成「行動裝置帳號申請」，再於「行動裝置認證」按「產生裝置認證碼」，以健保快易通 App 讀取 QR 碼或輸入裝置認證碼。
personal-log-in = 以自然人憑證登入
personal-with-card-instead = 使用健保卡及註冊密碼？
personal-signed-in-as = 已以自然人憑證登入：
personal-mobile-account = 行動裝置帳號申請
personal-mobile-account-intro = 設定行動裝置帳號的密碼及聯絡方式；之後以身分證號及這組密碼登入健保快易通 App。申請人：
personal-has-account = 您已有行動裝置帳號（健保卡網路服務註冊帳號），可直接進行行動裝置認證；登入 App 請使用原註冊密碼。
personal-apply-account = 送出申請
personal-contact = 聯絡方式
personal-done = 已完成
personal-device-verification = 行動裝置認證
personal-device-verification-hint = 產生裝置認證碼，以 App 讀取
personal-log-out = 登出
