// Copy buttons: <button class="copy-button" data-copy-target="ID" data-copied="Copied" hidden>. Without JS the
// button stays hidden and the link can be selected by hand.
document.querySelectorAll('.copy-button[data-copy-target]').forEach(function (button) {
  var field = document.getElementById(button.getAttribute('data-copy-target'));
  if (!field) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    var label = button.textContent;
    var done = function () {
      button.textContent = button.getAttribute('data-copied') || label;
      setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { field.select(); });
    } else {
      field.select();
      try { document.execCommand('copy'); done(); } catch (e) { /* selected: the member copies by hand */ }
    }
  });
});
