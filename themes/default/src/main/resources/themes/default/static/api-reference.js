// The reference page of /console/api: Swagger UI (from its WebJar) renders the site's OpenAPI description.
// A file rather than an inline script, so the page keeps the strict Content-Security-Policy.
document.addEventListener('DOMContentLoaded', function () {
  var root = document.getElementById('api-reference');
  if (!root || typeof window.SwaggerUIBundle !== 'function') {
    return;
  }
  root.textContent = '';
  window.SwaggerUIBundle({
    url: root.getAttribute('data-url'),
    domNode: root,
    deepLinking: true,
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    // "Try it out" sends requests with the operator's session; keep the page a reading one.
    supportedSubmitMethods: []
  });
});
