// English and Vietnamese labels; the choice is remembered in localStorage. Elements carry data-i18n (text) or
// data-i18n-aria / data-i18n-placeholder and are relabelled on a switch.

const STORAGE_KEY = "traffic.lang";

const en = {
  skip: "Skip to content",
  "nav.map": "Live map", "nav.route": "Route finder", "nav.analytics": "Analytics", "nav.alerts": "Alerts", "nav.system": "System",
  "conn.connecting": "Connecting…", "conn.live": "Live", "conn.reconnecting": "Reconnecting…",
  "theme.toggle": "Switch light / dark", "map.label": "Map of Hanoi roads coloured by congestion",
  "horizon.label": "Show", "horizon.0": "Now", "horizon.10": "+10 min", "horizon.20": "+20 min", "horizon.30": "+30 min",
  "legend.title": "Congestion", "level.free": "Free flow", "level.moderate": "Moderate", "level.heavy": "Heavy", "level.severe": "Severe", "level.unknown": "No data",
  "updated.never": "No data yet", "updated.ago": "Updated {n} s ago", "updated.stale": "Data is stale",
  "search.road": "Find a road", "search.placeholder": "e.g. kim ma", "search.none": "No road found",
  "road.speed": "Current speed", "road.freeflow": "Free-flow speed", "road.jam": "Jam factor", "road.level": "Congestion",
  "road.class": "Road class", "road.length": "Length", "road.history": "Last 2 hours and forecast", "road.accuracy": "Forecast error, last 2 h (MAE)",
  "road.observed": "Observed", "road.predicted": "Forecast", "road.predictedEarlier": "Forecast made earlier", "road.close": "Close", "road.loading": "Loading…",
  "road.nodata": "No reading yet",
  "route.help": "Click the map for the origin, then the destination — or search a road.", "route.origin": "Origin", "route.destination": "Destination",
  "route.departure": "Departure", "route.now": "Now", "route.at": "At", "route.go": "Find route", "route.clear": "Clear",
  "route.best": "Fastest", "route.alt": "Alternative", "route.vsFastest": "vs fastest", "route.via": "Via", "route.rerouted": "Traffic changed: route updated",
  "route.failed": "No route", "route.pick": "Set as origin / destination",
  "analytics.period": "Period", "analytics.24h": "24 hours", "analytics.7d": "7 days", "analytics.28d": "28 days",
  "analytics.hourly": "Average speed by hour (km/h)", "analytics.heatmap": "Rush hours: average speed by weekday and hour",
  "analytics.top": "Most congested roads (share of congested readings)", "analytics.accuracy": "Model accuracy (MAE km/h by horizon)",
  "analytics.empty": "No data in this period", "analytics.model": "Model", "analytics.horizon": "Horizon", "analytics.count": "Predictions",
  "alerts.title": "Alerts", "alerts.type": "Type", "alerts.severity": "Severity", "alerts.road": "Road", "alerts.any": "Any",
  "alerts.time": "Time", "alerts.message": "Message", "alerts.more": "Load more", "alerts.none": "No alerts", "alerts.unavailable": "Alert history is not available",
  "alerts.mute": "Mute alert pop-ups", "alerts.dismissAll": "Dismiss all", "alerts.dismiss": "Dismiss", "alerts.more.hidden": "+{n} more",
  "system.title": "System", "system.unavailable": "System status is not available on this silo yet.", "system.health": "Readiness",
  "system.lag.title": "Consumer lag (messages not yet committed)", "system.lag.group": "Consumer group", "system.lag.topic": "Topic",
  "system.lag.partitions": "Partitions", "system.lag.lag": "Lag", "system.lag.unknown": "unknown",
  "error.load": "Could not load: {e}",
};

const vi = {
  skip: "Bỏ qua đến nội dung",
  "nav.map": "Bản đồ trực tiếp", "nav.route": "Tìm đường", "nav.analytics": "Phân tích", "nav.alerts": "Cảnh báo", "nav.system": "Hệ thống",
  "conn.connecting": "Đang kết nối…", "conn.live": "Trực tiếp", "conn.reconnecting": "Đang kết nối lại…",
  "theme.toggle": "Đổi sáng / tối", "map.label": "Bản đồ đường Hà Nội theo mức ùn tắc",
  "horizon.label": "Hiển thị", "horizon.0": "Hiện tại", "horizon.10": "+10 phút", "horizon.20": "+20 phút", "horizon.30": "+30 phút",
  "legend.title": "Mức ùn tắc", "level.free": "Thông thoáng", "level.moderate": "Trung bình", "level.heavy": "Đông", "level.severe": "Tắc nghiêm trọng", "level.unknown": "Chưa có dữ liệu",
  "updated.never": "Chưa có dữ liệu", "updated.ago": "Cập nhật {n} giây trước", "updated.stale": "Dữ liệu đã cũ",
  "search.road": "Tìm đường phố", "search.placeholder": "vd. kim ma", "search.none": "Không tìm thấy",
  "road.speed": "Tốc độ hiện tại", "road.freeflow": "Tốc độ thông thoáng", "road.jam": "Hệ số ùn tắc", "road.level": "Mức ùn tắc",
  "road.class": "Cấp đường", "road.length": "Chiều dài", "road.history": "2 giờ qua và dự báo", "road.accuracy": "Sai số dự báo 2 giờ qua (MAE)",
  "road.observed": "Thực tế", "road.predicted": "Dự báo", "road.predictedEarlier": "Dự báo trước đó", "road.close": "Đóng", "road.loading": "Đang tải…",
  "road.nodata": "Chưa có số liệu",
  "route.help": "Nhấn vào bản đồ để chọn điểm đi, rồi điểm đến — hoặc tìm theo tên đường.", "route.origin": "Điểm đi", "route.destination": "Điểm đến",
  "route.departure": "Khởi hành", "route.now": "Bây giờ", "route.at": "Lúc", "route.go": "Tìm đường", "route.clear": "Xoá",
  "route.best": "Nhanh nhất", "route.alt": "Phương án khác", "route.vsFastest": "so với nhanh nhất", "route.via": "Qua", "route.rerouted": "Giao thông thay đổi: đã cập nhật lộ trình",
  "route.failed": "Không có lộ trình", "route.pick": "Chọn làm điểm đi / điểm đến",
  "analytics.period": "Khoảng thời gian", "analytics.24h": "24 giờ", "analytics.7d": "7 ngày", "analytics.28d": "28 ngày",
  "analytics.hourly": "Tốc độ trung bình theo giờ (km/h)", "analytics.heatmap": "Giờ cao điểm: tốc độ trung bình theo thứ và giờ",
  "analytics.top": "Các tuyến ùn tắc nhất (tỷ lệ thời gian ùn tắc)", "analytics.accuracy": "Độ chính xác mô hình (MAE km/h theo tầm dự báo)",
  "analytics.empty": "Không có dữ liệu trong khoảng này", "analytics.model": "Mô hình", "analytics.horizon": "Tầm dự báo", "analytics.count": "Số dự báo",
  "alerts.title": "Cảnh báo", "alerts.type": "Loại", "alerts.severity": "Mức độ", "alerts.road": "Tuyến đường", "alerts.any": "Tất cả",
  "alerts.time": "Thời gian", "alerts.message": "Nội dung", "alerts.more": "Xem thêm", "alerts.none": "Không có cảnh báo", "alerts.unavailable": "Chưa có lịch sử cảnh báo",
  "alerts.mute": "Tắt thông báo bật lên", "alerts.dismissAll": "Đóng tất cả", "alerts.dismiss": "Đóng", "alerts.more.hidden": "+{n} nữa",
  "system.title": "Hệ thống", "system.unavailable": "Silo này chưa có trạng thái hệ thống.", "system.health": "Sẵn sàng",
  "system.lag.title": "Độ trễ consumer (tin chưa commit)", "system.lag.group": "Nhóm consumer", "system.lag.topic": "Topic",
  "system.lag.partitions": "Phân vùng", "system.lag.lag": "Độ trễ", "system.lag.unknown": "không rõ",
  "error.load": "Không tải được: {e}",
};

const dictionaries = { en, vi };
let lang = loadLang();
const listeners = new Set();

function loadLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === "vi" || saved === "en" ? saved : "en";
  } catch {
    return "en";
  }
}

export const getLang = () => lang;

/** A label in the current language, with {name} placeholders filled from `values`. */
export function t(key, values = {}) {
  const text = dictionaries[lang][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ""));
}

/** Relabels every element under `root` that names a label. */
export function applyLabels(root = document) {
  root.querySelectorAll("[data-i18n]").forEach((el) => (el.textContent = t(el.dataset.i18n)));
  root.querySelectorAll("[data-i18n-aria]").forEach((el) => el.setAttribute("aria-label", t(el.dataset.i18nAria)));
  root.querySelectorAll("[data-i18n-placeholder]").forEach((el) => el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder)));
}

export function setLang(next) {
  lang = next === "vi" ? "vi" : "en";
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = lang;
  applyLabels();
  listeners.forEach((listener) => listener(lang));
}

export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
