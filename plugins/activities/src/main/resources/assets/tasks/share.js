// Task centre: the share link's "Copy" and "Share" buttons (hidden without JavaScript; the link stays selectable).
(function () {
  document.querySelectorAll('[data-task-copy], [data-task-share]').forEach(function (b) {
    if (b.hasAttribute('data-task-share') && !navigator.share) { return; }
    b.hidden = false;
  });
  document.addEventListener('click', function (e) {
    var b = e.target.closest('[data-task-copy], [data-task-share]');
    if (!b) { return; }
    var input = document.getElementById(b.getAttribute('data-target'));
    if (!input) { return; }
    if (b.hasAttribute('data-task-share')) {
      navigator.share({ url: input.value }).catch(function () {});
      return;
    }
    input.select();
    var done = function () { b.textContent = b.getAttribute('data-copied'); };
    if (navigator.clipboard) { navigator.clipboard.writeText(input.value).then(done, function () {}); }
    else if (document.execCommand('copy')) { done(); }
  });
})();
