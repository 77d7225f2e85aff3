// The twilight sign-up form: the idea's fields show only while "Presenting an idea" is
// chosen. Without this file they are always there (and ignored for those taking part).
(() => {
  const form = document.querySelector("[data-twilight-sign-up]");
  const fields = form && form.querySelector("[data-presenter-fields]");
  const roles = form ? form.querySelectorAll('input[type="radio"][name="role"]') : [];
  if (!fields || !roles.length) return;
  const update = () => {
    const chosen = form.querySelector('input[name="role"]:checked');
    fields.hidden = !chosen || chosen.value !== "presenter";
  };
  roles.forEach((role) => role.addEventListener("change", update));
  update();
})();
