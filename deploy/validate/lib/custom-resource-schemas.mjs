// Schemas of the operators' custom resources this project uses, written by us from the Strimzi and CloudNativePG
// documentation — not the operators' own CRDs, which cannot be fetched here. They cover the fields our manifests set
// (types, enums, required fields) and reject unknown fields at the levels we use, so a typo fails the test; a field
// the operator accepts but this schema does not list must be added here when first used.
import Ajv from "ajv";

const object = (properties, required = []) => ({ type: "object", properties, required, additionalProperties: false });
const free = { type: "object" };
const quantity = { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|m|k|M|G|T)?$" };
const labelsWithCluster = {
  type: "object",
  required: ["strimzi.io/cluster"],
  properties: { "strimzi.io/cluster": { type: "string", minLength: 1 } },
};
const metadata = (extra = {}) => ({
  type: "object",
  required: ["name"],
  properties: { name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$" }, ...extra },
});
const resource = (spec, metadataSchema = metadata()) => ({
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  properties: { apiVersion: { type: "string" }, kind: { type: "string" }, metadata: metadataSchema, spec },
  additionalProperties: false,
});

const strimziVolume = object({
  id: { type: "integer", minimum: 0 },
  type: { enum: ["ephemeral", "persistent-claim"] },
  size: quantity,
  class: { type: "string" },
  deleteClaim: { type: "boolean" },
  kraftMetadata: { enum: ["shared"] },
}, ["type"]);

const schemas = {
  "kafka.strimzi.io/v1beta2 Kafka": resource(object({
    kafka: object({
      version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" },
      metadataVersion: { type: "string" },
      listeners: {
        type: "array",
        minItems: 1,
        items: object({
          name: { type: "string", pattern: "^[a-z0-9]{1,11}$" },
          port: { type: "integer", minimum: 9092 },
          type: { enum: ["internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip"] },
          tls: { type: "boolean" },
          authentication: free,
          configuration: free,
          networkPolicyPeers: { type: "array" },
        }, ["name", "port", "type", "tls"]),
      },
      config: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
      authorization: free,
      rack: free,
      resources: free,
      jvmOptions: free,
      template: free,
      metricsConfig: free,
      logging: free,
    }, ["listeners"]),
    entityOperator: object({ topicOperator: free, userOperator: free, template: free }),
    cruiseControl: free,
    kafkaExporter: free,
    clusterCa: free,
    clientsCa: free,
  }, ["kafka"])),

  "kafka.strimzi.io/v1beta2 KafkaNodePool": resource(object({
    replicas: { type: "integer", minimum: 0 },
    roles: { type: "array", minItems: 1, uniqueItems: true, items: { enum: ["controller", "broker"] } },
    storage: {
      oneOf: [
        object({ type: { const: "jbod" }, volumes: { type: "array", minItems: 1, items: strimziVolume } }, ["type", "volumes"]),
        object({ type: { enum: ["ephemeral", "persistent-claim"] }, size: quantity, class: { type: "string" }, deleteClaim: { type: "boolean" } }, ["type"]),
      ],
    },
    resources: free,
    jvmOptions: free,
    template: free,
  }, ["replicas", "roles", "storage"]), metadata({ labels: labelsWithCluster })),

  "kafka.strimzi.io/v1beta2 KafkaTopic": resource(object({
    topicName: { type: "string" },
    partitions: { type: "integer", minimum: 1 },
    replicas: { type: "integer", minimum: 1, maximum: 32767 },
    config: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
  }, ["partitions", "replicas"]), metadata({ labels: labelsWithCluster })),

  "postgresql.cnpg.io/v1 Cluster": resource(object({
    instances: { type: "integer", minimum: 1 },
    imageName: { type: "string" },
    postgresql: object({
      parameters: { type: "object", additionalProperties: { type: "string" } },
      pg_hba: { type: "array", items: { type: "string" } },
    }),
    bootstrap: object({
      initdb: object({ database: { type: "string" }, owner: { type: "string" }, secret: object({ name: { type: "string" } }, ["name"]) }),
      recovery: free,
      pg_basebackup: free,
    }),
    storage: object({ size: quantity, storageClass: { type: "string" } }, ["size"]),
    monitoring: object({ enablePodMonitor: { type: "boolean" } }),
    resources: free,
    affinity: free,
    backup: free,
    primaryUpdateStrategy: { enum: ["unsupervised", "supervised"] },
  }, ["instances", "storage"])),
};

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const compiled = Object.fromEntries(Object.entries(schemas).map(([key, schema]) => [key, ajv.compile(schema)]));

/** The validator of a custom resource kind, or undefined for anything else. */
export function customResourceValidator(apiVersion, kind) {
  return compiled[`${apiVersion} ${kind}`];
}

/** The custom resource kinds covered. */
export const customResourceKinds = Object.keys(schemas);
