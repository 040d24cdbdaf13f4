mail-approved-subject = Application approved
mail-approved-body = Your Virtual NHI Card application (number { $number }) is approved; the card now shows your photo.
mail-rejected-subject = Application rejected
mail-rejected-body = Your application (number { $number }) was rejected: { $reason }{ $note }. Please apply again in the app.
mail-note =  ({ $note })
mail-received-subject = Application received
mail-received-body =
    Dear { $name },
    
    We received your Virtual NHI Card application (number { $number }). Review takes up to 7 working days; meanwhile the card without a photo can be used, with an ID document.
