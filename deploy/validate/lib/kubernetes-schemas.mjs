// Validates rendered Kubernetes objects: built-in kinds against the Kubernetes OpenAPI schemas shipped in the
// kubernetes-models package; the operators' custom resources against custom-resource-schemas.mjs.
import { customResourceValidator } from "./custom-resource-schemas.mjs";

/** Problems of one object as sentences; empty when it is valid. */
export async function problemsOf(object) {
  const where = `${object.kind}/${object.metadata?.name}`;
  const custom = customResourceValidator(object.apiVersion, object.kind);
  if (custom) {
    return custom(object) ? [] : custom.errors.map((e) => `${where}: ${e.instancePath || "/"} ${e.message}`);
  }
  const model = await builtInModel(object.apiVersion, object.kind);
  if (!model) return [`${where}: no schema for ${object.apiVersion} ${object.kind}`];
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    return [`${where}: ${error.message}`];
  }
}

async function builtInModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? null;
  } catch (error) {
    if (error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || error.code === "ERR_MODULE_NOT_FOUND") return null;
    throw error;
  }
}
