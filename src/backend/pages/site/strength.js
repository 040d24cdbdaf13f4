// The apply page's password meter (a file, not inline, so the page's content security
// policy allows no inline script). The same rule and strength as the app
// (domain::password): a password the rule refuses is named as such, never "medium".
// The server checks the password again.
(function () {
  var input = document.getElementById('password');
  var out = document.getElementById('strength');
  var names = ['弱 Weak', '中 Medium', '中強 Medium-strong', '強 Strong'];
  function problem(p) {
    if (/ /.test(p)) return '不可含空白 No spaces';
    if (/[<>]/.test(p)) return '不可含 < 或 > No < or >';
    if (/[^A-Za-z0-9~!@#$%^&*]/.test(p)) return '僅限英數字與 ~!@#$%^&* Letters, digits and ~!@#$%^&* only';
    if (p.length < 6) return '至少 6 碼 At least 6 characters';
    if (p.length > 12) return '最多 12 碼 At most 12 characters';
    return null;
  }
  input.addEventListener('input', function () {
    var p = input.value;
    var wrong = p ? problem(p) : null;
    var kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[~!@#$%^&*]/].filter(function (r) { return r.test(p); }).length;
    var long = p.length >= 8;
    var level = kinds === 4 && long ? 3 : (kinds === 4 || (kinds === 3 && long)) ? 2 : kinds >= 2 ? 1 : 0;
    out.textContent = (p.length + ' / 12 · ') + (wrong ? '不符規則 Not allowed: ' + wrong
      : '密碼強度 Strength: ' + (p ? names[level] : '–'));
    out.dataset.level = p && !wrong ? level : '';
  });
})();
