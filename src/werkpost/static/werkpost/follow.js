// Profile page: remove (trash) and re-add (eye) a followed page without leaving the page.
// Removed pages stay listed until the page is left or reloaded (the forms work without this too).
(() => {
  const status = document.querySelector("[data-follow-status]");

  // Post the form the ordinary way (the server answers with the profile page again). A plain
  // form.submit() leaves out the clicked button, so its value travels in a hidden field.
  const submitWithoutScript = (form, button) => {
    const field = document.createElement("input");
    field.type = "hidden";
    field.name = button.name;
    field.value = button.value;
    button.removeAttribute("name");
    form.append(field);
    HTMLFormElement.prototype.submit.call(form);
  };

  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-follow-toggle]");
    if (!form) return;
    event.preventDefault();
    const button = event.submitter || form.querySelector("button");
    const data = new FormData(form);
    data.set("action", button.value);
    // getAttribute: the button named "action" hides the form's own `action` property.
    const url = form.getAttribute("action");
    let response;
    try {
      response = await fetch(url, {
        method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin",
      });
    } catch {
      response = null;
    }
    if (!response || !response.ok) { submitWithoutScript(form, button); return; }
    const { following } = await response.json();
    const item = form.closest("li");
    item.classList.toggle("removed", !following);
    const img = button.querySelector("img");
    button.value = following ? "unfollow" : "follow";
    button.title = following ? button.dataset.removeTitle || "−" : button.dataset.addTitle || "+";
    img.src = following ? img.dataset.trash : img.dataset.eye;
    img.alt = following ? img.dataset.altRemove : img.dataset.altAdd;
    if (status) {
      const title = item.querySelector("a").textContent;
      status.textContent = `${title}: ${following ? status.dataset.followed : status.dataset.removed}`;
    }
  });
})();
