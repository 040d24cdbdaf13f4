// The apply page's password meter (a file, not inline, so the page's content security
// policy allows no inline script). The same rule and strength as the app
// (domain::password): a password the rule refuses is named as such, never "medium".
// The words come from the page (data attributes, in the page's language).
// The server checks the password again.
(function () {
  var input = document.getElementById('password');
  var out = document.getElementById('strength');
  var say = out.dataset;
  var names = [say.weak, say.medium, say.mediumStrong, say.strong];
  function problem(p) {
    if (/ /.test(p)) return say.noSpaces;
    if (/[<>]/.test(p)) return say.noAngle;
    if (/[^A-Za-z0-9~!@#$%^&*]/.test(p)) return say.only;
    if (p.length < 6) return say.tooShort;
    if (p.length > 12) return say.tooLong;
    return null;
  }
  input.addEventListener('input', function () {
    var p = input.value;
    var wrong = p ? problem(p) : null;
    var kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[~!@#$%^&*]/].filter(function (r) { return r.test(p); }).length;
    var long = p.length >= 8;
    var level = kinds === 4 && long ? 3 : (kinds === 4 || (kinds === 3 && long)) ? 2 : kinds >= 2 ? 1 : 0;
    out.textContent = (p.length + ' / 12 · ') + (wrong ? say.notAllowed + wrong
      : say.strength + (p ? names[level] : '–'));
    out.dataset.level = p && !wrong ? level : '';
  });
})();
