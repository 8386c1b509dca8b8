// The configuration keys the applications understand, so that every environment variable a deployment file sets can
// be checked against them: the silo's keys are the README's "Configuration" table (the documented contract) plus
// silo/appsettings.json; the front door's are its appsettings.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Variables a deployment sets that are not application settings: the pod facts Orleans' Kubernetes hosting reads,
 *  and values only used to build another variable. */
export const runtimeVariables = new Set(["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "POSTGRES_PASSWORD", "ASPNETCORE_URLS"]);

/** A matcher of the silo's configuration keys. */
export function siloKeys(root) {
  return keyMatcher([...documentedKeys(readFileSync(join(root, "README.md"), "utf8")), ...jsonKeys(join(root, "silo", "appsettings.json"))]);
}

/** A matcher of the front door's configuration keys. */
export function frontDoorKeys(root) {
  return keyMatcher(jsonKeys(join(root, "frontdoor", "TrafficOrleans.FrontDoor", "appsettings.json")));
}

/** `Section__Key` as the configuration key `Section:Key`. */
export const keyOfVariable = (variable) => variable.replaceAll("__", ":");

/**
 * Keys in the first column of the README's Configuration table. A cell may abbreviate siblings of the key before it:
 * "`Kafka:EmbeddedBroker:Enabled`, `:Port`" means Kafka:EmbeddedBroker:Port; `<…>` stands for any name.
 */
export function documentedKeys(readme) {
  const section = readme.split(/^## /m).find((s) => s.startsWith("Configuration"));
  if (!section) throw new Error("README.md has no Configuration section");
  const keys = [];
  for (const line of section.split("\n").filter((l) => l.startsWith("| `"))) {
    let parent = "";
    for (const [, key] of line.split("|")[1].matchAll(/`([^`]+)`/g)) {
      const full = key.startsWith(":") ? parent + key : key;
      parent = full.slice(0, full.lastIndexOf(":"));
      keys.push(full);
    }
  }
  return keys;
}

function jsonKeys(file) {
  const keys = [];
  const walk = (value, prefix) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [name, child] of Object.entries(value)) walk(child, prefix ? `${prefix}:${name}` : name);
    } else {
      keys.push(prefix);
    }
  };
  walk(JSON.parse(readFileSync(file, "utf8")), "");
  return keys;
}

function keyMatcher(keys) {
  const patterns = keys.map((key) => new RegExp(`^${key.split(/<[^>]+>/).map(escape).join("[^:]+")}$`, "i"));
  return (key) => patterns.some((pattern) => pattern.test(key));
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
