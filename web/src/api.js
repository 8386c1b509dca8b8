// The silo's REST API, same origin. Errors carry the HTTP status so pages can tell "not there yet" (404) apart.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(path, options = {}) {
  const response = await fetch(path, { headers: { Accept: "application/json", ...(options.body ? { "Content-Type": "application/json" } : {}) }, ...options });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail ?? problem.title ?? detail;
    } catch {
      // Not a problem document.
    }
    throw new ApiError(response.status, `${response.status} ${detail}`);
  }
  return response.json();
}

const query = (params) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
};

export const api = {
  config: () => request("/dashboard/config"),
  roads: () => request("/roads"),
  road: (id) => request(`/roads/${encodeURIComponent(id)}`),
  current: () => request("/traffic/current"),
  recommend: (origin, destination, departureTime) =>
    request("/route/recommend", { method: "POST", body: JSON.stringify({ origin, destination, departure_time: departureTime ?? "now" }) }),
  trends: (from, to, limit = 10) => request(`/analytics/trends${query({ from, to, limit })}`),
  accuracy: (hours) => request(`/analytics/model-accuracy${query({ hours })}`),
  notifications: (filters) => request(`/notifications${query(filters)}`),
  systemStatus: () => request("/system/status"),
};
