// The copy and share buttons of the theme's share partial (and of any page with [data-copy] / [data-share] buttons).
// A button appears only where the browser can do what it says; the link stays selectable without JavaScript.
(function () {
  'use strict';
  function field(id) { return document.getElementById(id); }
  function say(button, text) {
    var status = button.closest('.share') && button.closest('.share').querySelector('[data-copy-status]');
    var was = button.getAttribute('data-label') || button.innerHTML;
    button.setAttribute('data-label', was);
    button.textContent = text;
    if (status) { status.textContent = text; }
    setTimeout(function () { button.innerHTML = was; }, 2000);
  }
  function copy(button) {
    var input = field(button.getAttribute('data-copy'));
    if (!input) { return; }
    var done = function () { say(button, button.getAttribute('data-copied') || 'Copied'); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { input.select(); });
    } else {
      input.select();
      try { if (document.execCommand('copy')) { done(); } } catch (e) { /* the link stays selected to copy by hand */ }
    }
  }
  document.querySelectorAll('button[data-copy]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { copy(b); });
  });
  document.querySelectorAll('button[data-share]').forEach(function (b) {
    if (!navigator.share) { return; }
    b.hidden = false;
    b.addEventListener('click', function () {
      var input = field(b.getAttribute('data-share'));
      navigator.share({ title: b.getAttribute('data-title') || document.title, url: input ? input.value : location.href })
        .catch(function () { /* the member closed the share sheet */ });
    });
  });
  document.querySelectorAll('input.share-link').forEach(function (i) {
    i.addEventListener('focus', function () { i.select(); });
  });
})();
