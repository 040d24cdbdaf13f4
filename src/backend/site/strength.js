// The apply page's password strength meter (a file, not inline, so the page's content
// security policy allows no inline script).
// The same strength rule as the app (domain::password); the server checks the password again.
(function () {
  var input = document.getElementById('password');
  var out = document.getElementById('strength');
  var names = ['弱 Weak', '中 Medium', '中強 Medium-strong', '強 Strong'];
  input.addEventListener('input', function () {
    var p = input.value;
    var kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[~!@#$%^&*]/].filter(function (r) { return r.test(p); }).length;
    var long = p.length >= 8;
    var level = kinds === 4 && long ? 3 : (kinds === 4 || (kinds === 3 && long)) ? 2 : kinds >= 2 ? 1 : 0;
    out.textContent = '密碼強度 Strength: ' + (p ? names[level] : '–');
    out.dataset.level = p ? level : '';
  });
})();
