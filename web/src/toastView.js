// Alert toasts over the map: the stack's rules (toasts.js) rendered, with dismiss-all and a remembered mute.
import { t, onLangChange } from "./i18n.js";
import { roadInView } from "./livemap.js";
import { emit, on } from "./store.js";
import { createToastStack } from "./toasts.js";

const MUTE_KEY = "traffic.muteToasts";
export const toastStack = createToastStack({ maxVisible: 3 });

export function mountToasts(root) {
  toastStack.muted = localStorage.getItem(MUTE_KEY) === "1";
  on("alert", (alert) => {
    if (!roadInView(alert.road_id)) return;
    if (toastStack.add(alert)) render(root);
  });
  onLangChange(() => render(root));
  render(root);
}

function render(root) {
  root.replaceChildren();
  const bar = document.createElement("div");
  bar.className = "toast-bar";
  const mute = document.createElement("label");
  const box = document.createElement("input");
  box.type = "checkbox";
  box.checked = toastStack.muted;
  box.addEventListener("change", () => {
    toastStack.muted = box.checked;
    localStorage.setItem(MUTE_KEY, box.checked ? "1" : "0");
  });
  mute.append(box, ` ${t("alerts.mute")}`);
  bar.append(mute);
  const visible = toastStack.visible();
  if (visible.length) {
    const all = button(t("alerts.dismissAll"), () => {
      toastStack.dismissAll();
      render(root);
    });
    all.className = "dismiss-all";
    bar.append(all);
  }
  root.append(bar);

  for (const toast of visible) {
    const el = document.createElement("div");
    el.className = `toast ${toast.alert.severity}`;
    el.dataset.roadId = toast.roadId;
    el.dataset.eventId = toast.alert.event_id ?? "";
    el.dataset.count = String(toast.count);
    el.setAttribute("role", "alert");
    const text = button(toast.alert.message ?? toast.alert.alert_type, () => emit("showroad", toast.roadId));
    text.className = "toast-text";
    el.append(text);
    if (toast.count > 1) {
      const count = document.createElement("span");
      count.className = "count";
      count.textContent = `×${toast.count}`;
      el.append(count);
    }
    const close = button("×", () => {
      toastStack.dismiss(toast.roadId);
      render(root);
    });
    close.setAttribute("aria-label", t("alerts.dismiss"));
    close.className = "close";
    el.append(close);
    root.append(el);
  }
  if (toastStack.hiddenCount()) {
    const more = document.createElement("div");
    more.className = "toast-more";
    more.textContent = t("alerts.more.hidden", { n: toastStack.hiddenCount() });
    root.append(more);
  }
}

function button(label, onClick) {
  const el = document.createElement("button");
  el.type = "button";
  el.textContent = label;
  el.addEventListener("click", onClick);
  return el;
}
