// Profile page: remove (trash) and re-add (eye) a followed page without leaving the page.
// Removed pages stay listed until the page is left or reloaded (the forms work without this too).
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form[data-follow-toggle]");
  if (!form) return;
  event.preventDefault();
  const button = event.submitter || form.querySelector("button");
  const data = new FormData(form);
  data.set("action", button.value);
  const response = await fetch(form.action, {
    method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin",
  });
  if (!response.ok) { form.submit(); return; }
  const { following } = await response.json();
  const item = form.closest("li");
  item.classList.toggle("removed", !following);
  const img = button.querySelector("img");
  button.value = following ? "unfollow" : "follow";
  button.title = following ? button.dataset.removeTitle || "−" : button.dataset.addTitle || "+";
  img.src = following ? img.dataset.trash : img.dataset.eye;
  img.alt = following ? img.dataset.altRemove : img.dataset.altAdd;
});
