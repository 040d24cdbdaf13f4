mail-approved-subject = Application approved
mail-approved-body = Your Virtual NHI Card application (number { $number }) is approved; the card now shows your photo.
mail-rejected-subject = Application rejected
mail-rejected-body = Your application (number { $number }) was rejected: { $reason }{ $note }. Please apply again in the app.
mail-note =  ({ $note })
mail-received-subject = Application received
mail-received-body =
    Dear { $name },
    
    We received your Virtual NHI Card application (number { $number }). Review takes up to 7 working days; meanwhile the card without a photo can be used, with an ID document.
site-name = NHI Card Online Services Registration
site-device-verification = Device verification
site-devices = Devices
site-log-out = Log out
site-register = Register
site-log-in = Log in
site-footer = NHI Express reference backend
site-outbox = Test outbox
site-home-intro = Register with your NHI card (and a card reader) or a citizen digital certificate, set a password, then produce a device verification code to authenticate the NHI Express app.
site-register-with-card = Register with the NHI card
site-register-with-card-hint = With the NHI card and a card reader
site-register-with-certificate = Register with a citizen digital certificate
site-register-with-certificate-hint = With the certificate card and a card reader, at Personal NHI Data Online Services: a mobile device account and a device code
site-log-in-hint = Device verification, device management
site-id-number = ID number
site-registration-password = Registration password
site-card-reader-data = Card reader data
site-certificate-data = Certificate data
site-insert-card = Insert the card; these are the details the reader returns.
site-insert-certificate = Insert the certificate; these are its details.
site-card-number = NHI card number
site-certificate-serial = Certificate serial number
site-name-of-person = Name
site-birth-date = Date of birth
site-password-rules = 6–12 letters, digits and ~!@#$%^&*; no spaces, < or >.
site-password = Password
site-password-again = Password again
site-strength = Strength:{" "}
site-not-allowed = Not allowed:{" "}
site-weak = Weak
site-medium = Medium
site-medium-strong = Medium-strong
site-strong = Strong
site-no-spaces = No spaces
site-no-angle-brackets = No < or >
site-allowed-characters-only = Letters, digits and ~!@#$%^&* only
site-at-least-6 = At least 6 characters
site-at-most-12 = At most 12 characters
site-contact = Contact
site-mobile = Mobile number
site-email = E-mail
site-submit = Submit
site-mobile-device-verification = Mobile device verification
site-device-code-intro = Hello { $name }. Press "Produce verification code", then in the app choose Device authentication → Device code authentication and scan the QR or type the code (upper and lower case as shown).
site-device-verification-code = Device verification code
site-valid-until = Valid until
site-code-lifetime = (10 minutes, one-time)
site-produce-new-code = Produce a new code
site-produce-code = Produce verification code
site-mobile-device-management = Mobile device management
site-devices-intro = Devices of { $name }: several may be bound, one is active at a time.
site-no-device-yet = No device has been authenticated yet.
site-device = Device
site-bound-at = Bound
site-way = Way
site-status = Status
site-active = Active
site-make-active = Make active
site-quick-sign-in = Biometric quick sign-in
site-quick-sign-in-off = Off
site-quick-sign-in-on = Turned on { $enrolled }; { $used }
site-quick-sign-in-used = last used { $time }
site-quick-sign-in-never-used = not used yet
site-quick-sign-in-remove = Remove
site-quick-sign-in-removed = Biometric quick sign-in removed from "{ $device }".
site-via-phone = Mobile number
site-via-code = Device code
site-outbox-intro = Every e-mail the reference backend sent (simulated mail server), for testers.
site-no-mail = No e-mail yet.
site-mail-to = To:
site-id-not-valid = The ID number is not valid.
site-locked =
    Too many wrong passwords: try again in { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }.
site-wrong-credentials = Wrong ID number or password.
site-confirm-mail-subject = NHI Card Online Services Registration: confirm your e-mail
site-confirm-mail-body =
    Dear { $name },

    Please open this link within 5 days to complete your registration; after that the application lapses.

    { $link }

    If you did not apply, ignore this e-mail.
site-confirm-your-email = Confirm your e-mail
site-confirmation-sent = A confirmation e-mail was sent to { $email }. Open its link within 5 days to finish.
site-home = Home
site-too-many-checks =
    Too many failed checks: try again in { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }.
site-card-mismatch = The card data does not match the NHIA record.
site-certificate-mismatch = The certificate data does not match the NHIA record.
site-card-voided = This NHI card is voided.
site-already-registered = This ID is already registered: please log in.
site-id-invalid = The ID number is not valid: its format or check digit is wrong.
site-birth-date-format = The birth date must be YYYY-MM-DD.
site-card-number-format = The NHI card number is 12 digits.
site-certificate-serial-format = The certificate serial number is 16 letters and digits.
site-password-not-allowed = The password is not allowed: 6–12 letters, digits and ~!@#$%^&*; no spaces, < or >.
site-passwords-differ = The two passwords differ.
site-mobile-format = The mobile number is 09 and 8 digits.
site-email-format = The e-mail address is not valid.
site-apply-again = Apply again
site-invalid-link = Invalid link
site-invalid-link-detail = This confirmation link is not valid.
site-already-confirmed = Already confirmed
site-already-confirmed-detail = This application was already confirmed: please log in.
site-lapsed = Application lapsed
site-lapsed-detail = The e-mail was not confirmed within 5 days, so the application lapsed. Please apply again.
site-registration-complete = Registration complete
site-registration-complete-detail = You can now log in and produce a device verification code.
site-mismatch-tries-left =
    { $mismatch } ({ $left ->
        [one] 1 try
       *[other] { $left } tries
    } left)
site-mismatch-locked =
    { $mismatch } Too many failed checks: try again in { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }.
counter-name = Virtual NHI Card · clinic counter
counter-heading = Verify a Virtual NHI Card
counter-sign-out = Sign out of the counter
counter-card-readers = Card readers (SAM + HPC)
counter-institution-code = Institution code
counter-sam-key = SAM card key
counter-hpc-id = HPC card ID
counter-hpc-pin = HPC PIN
counter-patient-qr = The patient's QR code
counter-scanned-text = Scanned text
counter-upload = Or upload a photo / screenshot
counter-verify = Verify
counter-result = Result
counter-verified = Verified
counter-visit-sequence = Visit sequence number
counter-holder-photo = Holder's photo
counter-no-photo = No photo: check an ID document
counter-name-of-holder = Name
counter-id-number = ID number
counter-birth-date = Date of birth
counter-sex = Sex
counter-card-number = NHI card number
counter-issued = Issued
counter-presented-by = Presented by
counter-the-holder = The holder
counter-institution = Institution
counter-qr-expired = The QR code has expired
counter-qr-expired-detail = This QR code is over 5 minutes old. Ask the patient to press "Update" in the app and show it again.
counter-qr-not-found = Unknown QR code
counter-qr-not-found-detail = This is not a valid Virtual NHI Card QR code. Ask the patient to show it again.
counter-qr-reused = The QR code was already used
counter-qr-reused-detail = This QR code was already used to read the visit data. Ask the patient to press "Update" in the app and show it again.
counter-not-in-programme = This institution is not in the Virtual NHI Card programme
counter-not-in-programme-detail = This institution does not accept the virtual card. Ask for the physical NHI card.
counter-card-voided = The card is cancelled
counter-card-voided-detail = This Virtual NHI Card was cancelled after the QR code was made. Ask for the physical NHI card.
counter-authorization-inactive = The authorization is no longer valid
counter-authorization-inactive-detail = The holder's authorization for the delegate was cancelled or has ended.
counter-credentials = The cards could not be read
counter-credentials-detail = The SAM card or the HPC (with its PIN) is wrong, or not this institution's.
counter-hpc-blocked = The HPC is locked
counter-hpc-blocked-detail = The PIN was wrong 3 times in a row; the HPC is locked until the institution unlocks it.
counter-too-many-attempts = Too many tries
counter-too-many-attempts-detail = Too many wrong tries. Please try again later.
counter-qr-unreadable = The QR code cannot be read
counter-qr-unreadable-detail = No readable Virtual NHI Card QR code in the photo or screenshot. Take a clearer photo or use the scanner.
counter-bad-image = This file cannot be used
counter-bad-image-detail = The file is not an image, or the image is too large.
counter-photo-too-large-detail = The photo is larger than 15 MB. Take it again at a lower resolution, or send a screenshot of the code.
counter-form-unreadable-detail = The form did not arrive whole. Please send it again.
counter-cannot-verify = Cannot verify
counter-cannot-verify-detail = Please try again; if it still fails, ask for the physical NHI card.
counter-nothing-to-verify-detail = Paste the QR text or upload a photo, then try again.
review-name = NHIA reviewer console
review-login = Reviewer login
review-username = Username
review-password = Password
review-queue = Queue
review-applications-waiting = Applications waiting
review-reviewer = Reviewer:
review-sign-out = Sign out
review-nothing-waiting = Nothing is waiting.
review-number = No.
review-submitted = Submitted
review-channel = Channel
review-channel-app = General application (the person, in the app)
review-channel-home-care = Application by medical staff: { $by }
review-channel-counter = Application at an NHIA counter: { $by }
review-consent-form = The consent form the person signed
review-review = Review
review-application = Application
review-insured-record = Insured person's record
review-age = { $date } ({ $age } years)
review-document = Document
review-phone = Phone
review-id-document-front = ID document front
review-photo = Photo
review-approve = Approve
review-reason = Reason
review-note = Note (required for "Other")
review-reject = Reject
review-wrong-credentials =
    Wrong username or password ({ $left ->
        [one] 1 more try
       *[other] { $left } more tries
    } before a lock).
review-locked =
    Too many tries: try again in { $minutes ->
        [one] a minute
       *[other] { $minutes } minutes
    }.
review-status-under-review = Under review
review-status-approved = Approved
review-status-rejected = Rejected
review-status-superseded = Replaced by a newer application
review-status-cancelled = Cancelled
review-sex-male = Male
review-sex-female = Female
review-document-national-id = National ID card
review-document-id-or-nhi-card = ID or NHI card (under 14)
review-document-residence-permit = Residence permit
review-counter-application = Counter application
review-counter-intro = A person applies for the Virtual NHI Card at the counter with their ID in hand: check the ID and enter the person's details, explain the card and have the person sign the consent form, scan or photograph the signed form, the front of the ID and the photo, enter the person's contact and submit. The application goes to review and the person is told by SMS and e-mail.
review-counter-images = ID and photo
review-counter-files-missing = Attach the three images: the signed consent form, the front of the ID and the photo.
review-counter-files-again = To protect the person's data the chosen images are not kept: choose the three images again.
review-counter-done = Application no. { $number } for { $name } submitted; the person has been told by SMS and e-mail.
review-counter-open = Open this application
review-counter-another = Next person
review-counter-card-voided = This person's NHI card is voided: no Virtual NHI Card can be applied for.
review-counter-bad-image = One of the images cannot be read, or is too large or too small: scan or photograph it again.
review-counter-link = Counter application
review-announcements = Announcements
review-announcements-intro = Published announcements show above the services on the app's home screen (the newest 5), to everyone: include no personal data.
review-announcement-title = Title (up to 60 characters)
review-announcement-body = Text (up to 500 characters)
review-announcement-publish = Publish
review-announcement-lang = Written in
review-announcement-withdraw = Take down
review-announcement-required = Fill in the title and the text.
review-announcement-too-long = The title is limited to 60 characters and the text to 500.
review-announcements-none = No announcements.
counter-signed-in-as = Signed in: { $institution } ({ $card })
counter-presented-by-delegate = A delegate: { $name } ({ $id })
counter-video-heading = Video visit: request the card remotely
counter-video-id = Patient's ID number
counter-video-department = Department
counter-video-time = Visit time (Taiwan time)
counter-video-message = Note to the patient (optional; no medical details)
counter-video-message-shown = Note
counter-video-hint = The patient sees the request in the app and has 10 minutes to allow or decline it; once allowed, the result and the visit number appear here.
counter-video-request = Send request
counter-video-sign-in-first = Sign the counter in with the card readers (verify a QR code once) to request cards for video visits.
counter-video-title = Video visit request
counter-video-back = Back to the counter
counter-video-patient = Patient
counter-video-waiting = Waiting for the patient to allow it in the app (until { $time })…
counter-video-allowed-by-patient = The patient allowed it.
counter-video-allowed-by = Allowed for the patient by the delegate { $name } ({ $id }).
counter-video-declined-by-patient = The patient declined. Verify the card another way.
counter-video-declined-by = Declined for the patient by the delegate { $name } ({ $id }).
counter-video-cancelled = You cancelled this request.
counter-video-expired = No answer within 10 minutes: the request expired. You may send it again.
counter-video-cancel = Cancel request
counter-video-refresh = Refresh
counter-video-refused = The request was not sent
counter-video-invalid-id-detail = The ID number is not valid. Check it and try again.
counter-video-invalid-detail = The visit time must be between 2 hours ago and 24 hours from now, the department one of yours, the note at most 100 characters.
counter-video-no-card-detail = This person has no usable Virtual NHI Card. Use the NHI card or another way.
counter-video-open-detail = A request for this patient is already waiting. Wait for the answer or cancel it first.
counter-video-closed = The request has ended
counter-video-answered-detail = The patient already answered this request; it can no longer be cancelled.
counter-video-expired-detail = The request expired after 10 minutes.
counter-video-cancelled-detail = The request was already cancelled.
counter-video-recent = Recent requests

## Forgot password (忘記註冊密碼)
site-forgot-password = Forgot your registration password?
site-forgot-intro = Prove who you are the way you registered: read your NHI card in the card reader (or use your citizen digital certificate). If an account is registered for you, a link to set a new password goes to the e-mail address you confirmed when registering.
site-forgot-use-certificate = Use a citizen digital certificate instead
site-forgot-use-card = Use the NHI card instead
site-forgot-send-link = Send the link
site-reset-too-many =
    Links were asked for too often: try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
site-reset-sent-title = Check your e-mail
site-reset-sent = If an account is registered for these details, a link to set a new password was sent to the e-mail address confirmed for it — or, for an account without one, a 6-digit code by SMS to its mobile number: enter it under "I have an SMS code". Either works once, within 30 minutes; asking again replaces it.
site-reset-mail-subject = NHI Card Online Services Registration: set a new password
site-reset-mail-body =
    Dear { $name },

    Someone who read your NHI card (or certificate) asked to set a new registration password. Open this link within 30 minutes to choose it; the link works once.

    { $link }

    If this was not you, ignore this e-mail: your password stays as it is.
site-new-password = Choose a new registration password
site-new-password-save = Save the new password
site-reset-invalid = This link no longer works
site-reset-invalid-detail = A link to set a new password works once, within 30 minutes, and only the newest one sent. Ask for a new one.
site-reset-done = Your new password is set
site-reset-done-detail = Sign in with it on the website and in the app. Everyone who was signed in with the old password has been signed out.
site-password-changed-mail-subject = NHI Card Online Services Registration: your password was changed
site-password-changed-mail-body =
    Dear { $name },

    The registration password of your account was changed on { $time } (Taiwan time). Every device that was signed in has been signed out.

    If this was not you, set a new password at once ({ $link }) and call the NHIA service line 0800-030-598.

## Resend the confirmation (重寄確認信)
site-resend = Resend the confirmation e-mail
site-resend-intro = Applied but the confirmation e-mail did not arrive, or its link was lost? Give your ID number and the e-mail address you applied with. A new link is sent for an application still waiting within its 5 days; the old link stops working.
site-resend-send = Send again
site-resend-too-many =
    Sent again too often: try again in { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }.
site-resend-sent-title = Check your e-mail
site-resend-sent = If an application with this ID and e-mail address is waiting for confirmation, a new link was sent to that address; the earlier link no longer works. Applications not confirmed within 5 days lapse: then apply again.

## Change the password (註冊密碼變更)
site-change-password = Change password
site-current-password = Current password
site-current-password-wrong =
    The current password is wrong. { $left ->
        [one] 1 try left
       *[other] { $left } tries left
    } before the account is locked for 15 minutes.
site-password-changed = Your password was changed
site-password-changed-detail = Use the new password from now on, on the website and in the app. Every other device that was signed in has been signed out; a notice was sent to your e-mail address.

## The rules before registering (全民健康保險網路服務註冊管理作業要點)
site-rules-heading = Rules of the National Health Insurance online services registration
site-rules-1 = This system lets insured persons register with the NHI card or a citizen digital certificate to use the NHIA's online services.
site-rules-2 = The registration password, 6 to 12 letters and digits, is set and kept by the applicant; a forgotten one is set anew through "Forgot your registration password?".
site-rules-3 = The applicant gives an e-mail address of their own and confirms it within 5 days; after that the application lapses and must be made again.
site-rules-4 = The applicant is responsible for the data given being true; applying in another person's name has legal consequences.
site-rules-5 = The NHIA collects, processes and uses the applicant's data for this service under the Personal Data Protection Act.
site-rules-read = I have read and understood the rules
site-rules-not-read = Please read the rules and tick "I have read and understood the rules".

## Security mails
mail-device-bound-subject = NHI Express: a device was authenticated for your account
mail-device-bound-body =
    Dear { $name },

    The device "{ $device }" was authenticated for your account on { $time } (Taiwan time) and is now the active one: it signs in with your registration password.

    If this was not you, set a new registration password at once ({ $link }), make your own device the active one again under "Manage devices", and call the NHIA service line 0800-030-598.
mail-device-bound-by-phone-body =
    Dear { $name },

    The device "{ $device }" was authenticated for your account by mobile number on { $time } (Taiwan time), and a new registration password was set with it. It is now the active device; every other sign-in has ended.

    If this was not you, set a new registration password at once ({ $link }) and call the NHIA service line 0800-030-598.
mail-device-switched-subject = NHI Express: your active device changed
mail-device-switched-body =
    Dear { $name },

    On { $time } (Taiwan time) the device "{ $device }" was made the active one for your account on the registration website; other devices can no longer sign in.

    If this was not you, set a new registration password at once ({ $link }) and call the NHIA service line 0800-030-598.

mail-quick-sign-in-enrolled-subject = NHI Express: biometric quick sign-in turned on
mail-quick-sign-in-enrolled-body =
    Dear { $name },

    On { $time } (Taiwan time) biometric quick sign-in was turned on for your account on the device "{ $device }": a fingerprint or face check on that device now signs you in.

    If this was not you, set a new registration password at once ({ $link }), which removes every quick sign-in, and call the NHIA service line 0800-030-598.

mail-staff-application-subject = NHI Express: someone applied for your Virtual NHI Card
mail-staff-application-body =
    Dear { $name },

    On { $time } (Taiwan time) { $by } applied for your Virtual NHI Card on your behalf, with your consent (專案申請). The NHIA is reviewing it; meanwhile the card without a photo can be used.

    If you did not consent, withdraw the application: sign in to the NHI Express app with your account (a family member's phone will do), open "Virtual NHI Card" and press "Withdraw application"; or call the NHIA service line 0800-030-598.
sms-staff-application = NHI Express: { $by } applied for your Virtual NHI Card on { $time }. If you did not consent, withdraw it in the app under "Virtual NHI Card", or call 0800-030-598.

## 聯絡電話
site-local-phone = Local phone (optional)
site-local-phone-hint = With the area code, e.g. 02-2706-5866 or (04)2259-3456#12.
site-local-phone-format = The local phone is an area code and number (6 to 20 digits, -, (, ), #).

## Account data (帳號資料異動)
site-account = Account data
site-account-new-email = Change the e-mail address
site-account-new-email-hint = A link goes to the new address; the change takes effect when it is opened (within 24 hours). Your present address is told.
site-account-send-link = Send the link
site-account-new-mobile = Change the mobile number
site-account-new-mobile-hint = Like the app's mobile number authentication, the carrier must confirm the number is a monthly contract in your own name.
site-account-save = Save
site-account-email-link-sent = A link was sent to the new address. The change takes effect when it is opened.
site-account-mobile-changed = The mobile number was changed.
site-account-local-phone-changed = The local phone was changed.
site-account-no-contact = This account has no contact data yet: it was made by mobile number authentication in the app. Register on this website to add an e-mail address.
site-account-mobile-not-found = No Taiwanese carrier has this mobile number.
site-account-mobile-not-yours = The carrier says this number is not in your name.
site-account-mobile-prepaid = Prepaid numbers cannot be used; give a monthly-contract number in your own name.
site-account-history = Changes
site-account-field = Data
site-account-change = Change
site-account-asked = Asked
site-account-effective = In effect since { $time }
site-account-not-confirmed = Not confirmed
site-account-confirm-mail-subject = NHI Card Online Services Registration: confirm your new e-mail address
site-account-confirm-mail-body =
    Dear { $name },

    Open this link within 24 hours to make this the e-mail address of your account:

    { $link }

    If you did not ask for it, ignore this e-mail: nothing changes.
site-account-change-asked-mail-subject = NHI Card Online Services Registration: a change of your e-mail address was asked for
site-account-change-asked-mail-body =
    Dear { $name },

    On { $time } (Taiwan time) someone signed in to your account asked to make { $email } its e-mail address. It takes effect only when that address confirms a link.

    If this was not you, set a new registration password at once and call the NHIA service line 0800-030-598.
site-account-email-changed = Your e-mail address was changed
site-account-email-changed-detail = The account's mail now goes to { $email }.
site-account-email-link-dead = This link no longer works: it was used, replaced by a newer one, or is older than 24 hours.

## 使用說明 and 電腦環境檢測
site-help = How to use
site-help-register = Registering
site-help-register-1 = Put your NHI card in the card reader (or your citizen digital certificate), choose "Register", and fill in the form: the reader's data, a registration password of 6 to 12 letters and digits, your mobile number and e-mail address.
site-help-register-2 = Read the rules and tick "I have read and understood the rules", then send the application.
site-help-register-3 = Open the link in the confirmation e-mail within 5 days. Then log in here with your ID number and the registration password.
site-help-device = Authenticating the NHI Express app by device code
site-help-device-1 = Log in and open "Device verification"; press the button to produce a code (it lasts 10 minutes).
site-help-device-2 = In the app, choose Device authentication → Device code authentication, and scan the QR code or type the code.
site-help-device-3 = Sign in to the app with your ID number and registration password. Under "Devices" you choose which of your devices is the active one.
site-help-account = Your account
site-help-account-signed-in = Signed in: "Account data" changes your e-mail address and phones; "Change password" sets a new registration password.
site-check = Computer environment check
site-check-connection = Connection
site-check-connection-ok = Encrypted (HTTPS)
site-check-cookies = Cookies
site-check-cookies-script = Checking… (needs JavaScript)
site-check-cookies-ok = Kept: you can log in
site-check-cookies-off = Blocked: allow cookies for this site to log in
site-check-reader = Card reader
site-check-reader-ok = Answering (the reader service is simulated by this backend)
site-check-browser = Browser
site-check-hint = If a check fails, allow cookies for this site, or use a current version of your browser.

## The SMS code of a forgotten password
site-reset-have-code = I have an SMS code
site-reset-code = Enter the SMS code
site-reset-code-intro = Type your ID number and the 6-digit code the text message brought. It works once, within 30 minutes.
site-reset-code-field = SMS code (6 digits)
site-reset-code-next = Next
site-reset-code-wrong =
    This code is wrong or no longer valid. { $left ->
        [one] 1 try left
       *[other] { $left } tries left
    }.
site-reset-sms = NHI Card Online Services Registration: your code to set a new password is { $code }. It works once within 30 minutes. Never tell it to anyone; the NHIA never asks for it.
site-outbox-sms = Text messages (simulated carriers)
personal-title = Personal NHI Data Online Services
personal-intro = Device authentication with a citizen digital certificate: sign in with the certificate, apply for a mobile device account first, then under "Mobile device authentication" press "Produce device code" and read the QR code with the NHI Express app, or type the code.
personal-log-in = Sign in with the citizen certificate
personal-with-card-instead = Using your NHI card and registration password?
personal-signed-in-as = Signed in with the citizen certificate:
personal-mobile-account = Mobile device account application
personal-mobile-account-intro = Set the mobile device account's password and your contact; you then sign in to the NHI Express app with your ID number and this password. Applicant:
personal-has-account = You already have a mobile device account (your NHI Card Online Services registration): go on to device authentication; sign in to the app with your registration password.
personal-apply-account = Apply
personal-contact = Contact
personal-done = done
personal-device-verification = Mobile device authentication
personal-device-verification-hint = produce a device code for the app to read
personal-log-out = Sign out
