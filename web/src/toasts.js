// The toast stack's rules, without the DOM: warning/critical alerts only, one toast per road (repeats bump its
// counter and move it to the top), at most `maxVisible` shown, mute, dismiss one or all.

export const TOAST_SEVERITIES = new Set(["warning", "critical", "high"]);

export function createToastStack({ maxVisible = 3 } = {}) {
  let toasts = [];
  let muted = false;

  return {
    get muted() {
      return muted;
    },
    set muted(value) {
      muted = Boolean(value);
    },
    /** Adds an alert; returns false when it raises no toast (muted, or a severity below warning). */
    add(alert) {
      if (muted || !TOAST_SEVERITIES.has(alert.severity)) return false;
      const existing = toasts.find((toast) => toast.roadId === alert.road_id);
      const count = existing ? existing.count + 1 : 1;
      toasts = toasts.filter((toast) => toast !== existing);
      toasts.unshift({ roadId: alert.road_id, alert, count });
      return true;
    },
    dismiss(roadId) {
      toasts = toasts.filter((toast) => toast.roadId !== roadId);
    },
    dismissAll() {
      toasts = [];
    },
    /** Newest first, at most maxVisible. */
    visible() {
      return toasts.slice(0, maxVisible);
    },
    /** Toasts waiting behind the visible ones. */
    hiddenCount() {
      return Math.max(0, toasts.length - maxVisible);
    },
  };
}
