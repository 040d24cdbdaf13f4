mail-approved-subject = 虛擬健保卡申請已核准
mail-approved-body = 您的虛擬健保卡申請（編號 { $number }）已核准，卡面已顯示您的照片。
mail-rejected-subject = 虛擬健保卡申請未通過
mail-rejected-body = 您的虛擬健保卡申請（編號 { $number }）未通過：{ $reason }{ $note }。請於 App 重新申辦。
mail-note = （{ $note }）
mail-received-subject = 虛擬健保卡申請已收到
mail-received-body =
    { $name } 您好：
    
    我們已收到您的虛擬健保卡申請（編號 { $number }），審核約需 7 個工作天。審核期間可先使用無照片的虛擬健保卡，就醫時請出示身分證明文件。
