// The two patch kinds kustomize applies. Strategic merge knows the merge keys of the Kubernetes lists our patches
// touch; lists of custom resources (Strimzi, CloudNativePG) have no merge key and are replaced, as kustomize does.

const mergeKeys = {
  containers: "name",
  initContainers: "name",
  env: "name",
  volumes: "name",
  volumeMounts: "name",
  ports: "containerPort",
  topologySpreadConstraints: "topologyKey",
};
const builtInGroups = /^(v1|apps\/v1|batch\/v1|policy\/v1|autoscaling\/v2|networking\.k8s\.io\/v1|rbac\.authorization\.k8s\.io\/v1)$/;

/** `patch` merged into `target` (neither is modified). */
export function strategicMerge(target, patch) {
  return mergeValue(target, patch, builtInGroups.test(target.apiVersion ?? ""), "");
}

function mergeValue(target, patch, builtIn, key) {
  if (Array.isArray(patch)) {
    const mergeKey = builtIn ? mergeKeys[key] : undefined;
    if (!mergeKey || !Array.isArray(target)) return structuredClone(patch);
    const merged = structuredClone(target);
    for (const item of patch) {
      const at = merged.findIndex((existing) => existing?.[mergeKey] === item?.[mergeKey]);
      if (at >= 0) merged[at] = mergeValue(merged[at], item, builtIn, key);
      else merged.push(structuredClone(item));
    }
    return merged;
  }
  if (patch === null || typeof patch !== "object" || target === null || typeof target !== "object" || Array.isArray(target)) {
    return structuredClone(patch);
  }
  const merged = structuredClone(target);
  for (const [name, value] of Object.entries(patch)) {
    merged[name] = name in merged ? mergeValue(merged[name], value, builtIn, name) : structuredClone(value);
  }
  return merged;
}

/** RFC 6902 add / replace / remove (the operations our overlays use); `~1` and `~0` escapes as in RFC 6901. */
export function applyJsonPatch(target, operations) {
  const result = structuredClone(target);
  for (const { op, path, value } of operations) {
    const segments = path.split("/").slice(1).map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    const last = segments.pop();
    const parent = segments.reduce((node, segment) => {
      if (node?.[segment] === undefined) throw new Error(`JSON patch path ${path} does not exist`);
      return node[segment];
    }, result);
    if (op === "replace" && !(last in parent)) throw new Error(`JSON patch replace of missing ${path}`);
    if (op === "remove") delete parent[last];
    else if (op === "add" || op === "replace") parent[last] = structuredClone(value);
    else throw new Error(`JSON patch operation ${op} is not supported here`);
  }
  return result;
}
