// Renders a kustomization the way `kubectl kustomize` does, for the features deploy/kubernetes uses: resources (files
// and directories), namespace, labels, images, replicas, secretGenerator literals and patches (strategic merge from a
// file, JSON 6902 inline with a target). It exists because kubectl is not among the packages a fresh machine can
// install here (Debian's is 1.20, too old for these kustomizations); where a current kubectl is on PATH the tests
// compare the two renderings, so this one cannot silently drift from kustomize.
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { applyJsonPatch, strategicMerge } from "./patching.mjs";

const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume", "StorageClass"]);

/** Every document of a YAML file (empty documents dropped); throws on a syntax error. */
export function readYamlDocuments(file) {
  // Merge keys (`<<: *anchor`) as Compose reads them.
  return parseAllDocuments(readFileSync(file, "utf8"), { merge: true }).flatMap((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    return value == null ? [] : [value];
  });
}

/** The objects a kustomization directory produces. */
export function render(dir) {
  const kustomization = readYamlDocuments(join(dir, "kustomization.yaml"))[0];
  let objects = (kustomization.resources ?? []).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? render(path) : readYamlDocuments(path);
  });
  objects.push(...(kustomization.secretGenerator ?? []).map(secretFrom));
  for (const patch of kustomization.patches ?? []) objects = applyPatch(objects, patch, dir);
  for (const object of objects) transform(object, kustomization);
  return objects;
}

/** `kubectl kustomize DIR` parsed, or null when no kubectl that can render it is installed. */
export function renderWithKubectl(dir) {
  try {
    const out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return parseAllDocuments(out).map((doc) => doc.toJS()).filter((value) => value != null);
  } catch {
    return null;
  }
}

function secretFrom(generator) {
  const data = Object.fromEntries((generator.literals ?? []).map((literal) => {
    const at = literal.indexOf("=");
    return [literal.slice(0, at), Buffer.from(literal.slice(at + 1)).toString("base64")];
  }));
  return { apiVersion: "v1", kind: "Secret", metadata: { name: generator.name }, type: "Opaque", data };
}

function applyPatch(objects, patch, dir) {
  if (patch.path) {
    const documents = readYamlDocuments(join(dir, patch.path));
    return objects.map((object) => documents
      .filter((doc) => doc.kind === object.kind && doc.metadata?.name === object.metadata?.name)
      .reduce((merged, doc) => strategicMerge(merged, doc), object));
  }
  const operations = parseAllDocuments(patch.patch)[0].toJS();
  if (!Array.isArray(operations)) throw new Error("inline patches must be JSON 6902 operation lists");
  return objects.map((object) => matches(object, patch.target) ? applyJsonPatch(object, operations) : object);
}

function matches(object, target = {}) {
  return (!target.kind || target.kind === object.kind) && (!target.name || target.name === object.metadata?.name);
}

function transform(object, kustomization) {
  const metadata = object.metadata ?? (object.metadata = {});
  if (kustomization.namespace && !clusterScoped.has(object.kind)) {
    metadata.namespace = kustomization.namespace;
    if (object.kind === "RoleBinding") {
      for (const subject of object.subjects ?? []) {
        if (subject.kind === "ServiceAccount") subject.namespace = kustomization.namespace;
      }
    }
  }
  for (const label of kustomization.labels ?? []) metadata.labels = { ...metadata.labels, ...label.pairs };
  for (const image of kustomization.images ?? []) {
    for (const container of podContainers(object)) {
      const [name] = container.image.split(":");
      if (name === image.name) container.image = `${image.newName ?? name}:${image.newTag}`;
    }
  }
  for (const replicas of kustomization.replicas ?? []) {
    if (metadata.name === replicas.name && object.spec && "replicas" in object.spec) object.spec.replicas = replicas.count;
  }
}

function podContainers(object) {
  const pod = object.spec?.template?.spec;
  return pod ? [...(pod.containers ?? []), ...(pod.initContainers ?? [])] : [];
}
