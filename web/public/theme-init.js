// Applies the saved theme before first paint. Loaded as a blocking, same-origin
// script (works under a strict `script-src 'self'` CSP). Key must match src/lib/theme.ts.
(function () {
  try {
    var t = localStorage.getItem('echos-theme');
    if (t && /^[a-z]+$/.test(t)) document.documentElement.setAttribute('data-theme', t);
  } catch (e) {
    /* storage unavailable: keep the default theme */
  }
})();
