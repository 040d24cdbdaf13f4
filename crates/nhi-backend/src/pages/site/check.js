// 電腦環境檢測: whether this browser keeps cookies (signing in needs them).
(() => {
  const script = document.currentScript;
  document.cookie = 'nhi_check=1; path=/register/check; SameSite=Strict; Secure';
  const kept = document.cookie.includes('nhi_check=1');
  document.getElementById('cookies-result').textContent =
    kept ? script.dataset.ok : script.dataset.off;
  document.cookie = 'nhi_check=; path=/register/check; max-age=0; SameSite=Strict; Secure';
})();
