// Offline checks of deploy/: what can be proven without a container engine or a cluster (deploy/README.md says what
// cannot). Run by ./scripts/test.sh; alone: npm test --prefix deploy/validate
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { readYamlDocuments, render, renderWithKubectl } from "./lib/kustomize.mjs";
import { problemsOf } from "./lib/kubernetes-schemas.mjs";
import { frontDoorKeys, keyOfVariable, runtimeVariables, siloKeys } from "./lib/configuration-keys.mjs";
import { dockerfileStages } from "./lib/dockerfile.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const deploy = join(root, "deploy");
const overlays = ["dev", "prod"].map((name) => ({ name, dir: join(deploy, "kubernetes", "overlays", name) }));
const composeFile = join(deploy, "compose", "docker-compose.yml");
const compose = readYamlDocuments(composeFile)[0];
const stages = dockerfileStages(readFileSync(join(deploy, "Dockerfile"), "utf8"));

const find = (objects, kind, name) => objects.find((o) => o.kind === kind && (!name || o.metadata.name === name));
const selects = (selector, labels) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);
const hours = (n) => n * 3_600_000;

// The design's topics and retentions (README "Kafka and the Orleans streams"), against the topic catalogue's names.
const catalogue = readFileSync(join(root, "kafka", "TrafficOrleans.Kafka", "Topics", "KafkaTopicsOptions.cs"), "utf8");
const topicName = (constant) => catalogue.match(new RegExp(`${constant} = "([^"]+)"`))[1];
const designTopics = new Map([
  [topicName("DefaultRawReadings"), hours(24 * 7)],
  [topicName("DefaultPredictions"), hours(24)],
  [topicName("DefaultRouteUpdates"), hours(1)],
  [topicName("DefaultNotifications"), hours(1)],
  [topicName("DefaultDeadLetters"), hours(24 * 7)],
]);

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules") return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

test("every YAML file under deploy/ parses", () => {
  const files = yamlFiles(deploy);
  assert.ok(files.length >= 10, `found only ${files.length} YAML files`);
  for (const file of files) assert.doesNotThrow(() => readYamlDocuments(file), relative(root, file));
});

for (const overlay of overlays) {
  const objects = render(overlay.dir);

  test(`kubernetes ${overlay.name}: every object validates against its schema`, async () => {
    const problems = (await Promise.all(objects.map(problemsOf))).flat();
    assert.deepEqual(problems, []);
  });

  test(`kubernetes ${overlay.name}: kubectl kustomize renders the same objects as the offline renderer`, (t) => {
    const kubectl = renderWithKubectl(overlay.dir);
    if (!kubectl) {
      t.skip("no kubectl on PATH that renders kustomizations; the offline renderer alone was used");
      return;
    }
    const key = (o) => `${o.kind}/${o.metadata.name}`;
    const ours = new Map(objects.map((o) => [key(o), o]));
    assert.deepEqual([...ours.keys()].sort(), kubectl.map(key).sort());
    for (const object of kubectl) assert.ok(isDeepStrictEqual(ours.get(key(object)), object), `${key(object)} differs`);
  });

  test(`kubernetes ${overlay.name}: the silo Deployment has what Orleans' Kubernetes hosting and the product need`, () => {
    const deployment = find(objects, "Deployment", "traffic-orleans-silo");
    const pod = deployment.spec.template;
    assert.ok(pod.metadata.labels["orleans/serviceId"] && pod.metadata.labels["orleans/clusterId"]);
    const container = pod.spec.containers[0];
    const env = new Set(container.env.map((e) => e.name));
    for (const name of ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID", "ConnectionStrings__Postgres"]) {
      assert.ok(env.has(name), `silo env lacks ${name}`);
    }
    assert.equal(container.readinessProbe.httpGet.path, "/health/ready");
    assert.equal(container.livenessProbe.httpGet.path, "/health/live");
    const config = find(objects, "ConfigMap", "traffic-orleans-config").data;
    assert.equal(config.Orleans__Profile, "Cluster");
    assert.equal(config.Kafka__EmbeddedBroker__Enabled, "false");
    assert.equal(config.Kafka__CreateTopics, "false", "Strimzi owns the topics: the silos must not create them");

    // The service account may do what Kubernetes hosting does with pods.
    const binding = find(objects, "RoleBinding");
    assert.equal(binding.subjects[0].name, pod.spec.serviceAccountName);
    const role = find(objects, "Role", binding.roleRef.name);
    assert.ok(role.rules.some((r) => r.resources.includes("pods") && ["get", "list", "watch", "delete"].every((v) => r.verbs.includes(v))));

    // Everything that selects silo pods selects them.
    assert.ok(selects(find(objects, "Service", "traffic-orleans").spec.selector, pod.metadata.labels));
    assert.ok(selects(find(objects, "PodDisruptionBudget").spec.selector.matchLabels, pod.metadata.labels));
    assert.ok(selects(find(objects, "NetworkPolicy", "traffic-orleans-silo").spec.podSelector.matchLabels, pod.metadata.labels));
    assert.equal(find(objects, "HorizontalPodAutoscaler").spec.scaleTargetRef.name, deployment.metadata.name);
    assert.equal(find(objects, "Service", "traffic-orleans").spec.sessionAffinity, "ClientIP");

    // The secrets the silo reads exist (dev generates one) or are documented as the operator's to create (prod).
    const secretNames = container.env.filter((e) => e.valueFrom?.secretKeyRef && !e.valueFrom.secretKeyRef.optional).map((e) => e.valueFrom.secretKeyRef.name);
    const postgres = find(objects, "Cluster", "traffic-postgres");
    for (const name of secretNames) {
      const made = find(objects, "Secret", name) || name === `${postgres.metadata.name}-app`;
      const documented = readFileSync(join(overlay.dir, "kustomization.yaml"), "utf8").includes(`create secret generic ${name}`);
      assert.ok(made || documented, `secret ${name} is neither created nor documented in the ${overlay.name} overlay`);
    }
  });

  test(`kubernetes ${overlay.name}: Strimzi owns the design's topics with its retentions and the silos' partition count`, () => {
    const topics = objects.filter((o) => o.kind === "KafkaTopic");
    assert.deepEqual(topics.map((t) => t.metadata.name).sort(), [...designTopics.keys()].sort());
    const partitions = Number(find(objects, "ConfigMap", "traffic-orleans-config").data.Kafka__Partitions);
    const replication = Number(find(objects, "ConfigMap", "traffic-orleans-config").data.Kafka__ReplicationFactor);
    const kafka = find(objects, "Kafka");
    const brokers = find(objects, "KafkaNodePool").spec.replicas;
    for (const topic of topics) {
      assert.equal(Number(topic.spec.config["retention.ms"]), designTopics.get(topic.metadata.name), topic.metadata.name);
      assert.equal(topic.metadata.labels["strimzi.io/cluster"], kafka.metadata.name);
      assert.ok(topic.spec.replicas <= brokers, `${topic.metadata.name}: more replicas than brokers`);
      if (topic.metadata.name !== topicName("DefaultDeadLetters")) assert.equal(topic.spec.partitions, partitions, topic.metadata.name);
    }
    assert.ok(replication <= brokers);
    assert.equal(find(objects, "ConfigMap", "traffic-orleans-config").data.Kafka__BootstrapServers, `${kafka.metadata.name}-kafka-bootstrap:9092`);
  });

  test(`kubernetes ${overlay.name}: every environment variable of the silo is a configuration key it reads`, () => {
    const isKey = siloKeys(root);
    const deployment = find(objects, "Deployment", "traffic-orleans-silo");
    const names = [
      ...deployment.spec.template.spec.containers[0].env.map((e) => e.name),
      ...Object.keys(find(objects, "ConfigMap", "traffic-orleans-config").data),
    ];
    assert.deepEqual(names.filter((n) => !runtimeVariables.has(n) && !isKey(keyOfVariable(n))), [], "undocumented keys");
  });
}

test("compose: the file validates against the Compose specification's schema", () => {
  // The current Compose specification schema, as bundled by the dclint linter.
  const schemaFile = join(root, "deploy", "validate", "node_modules", "dclint", "schemas", "compose.schema.json");
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // It names draft-07 by an https address Ajv does not register (Ajv's draft-07 meta-schema is the same).
  const { $schema: _, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8"));
  const validate = ajv.compile(schema);
  assert.ok(validate(compose), JSON.stringify(validate.errors, null, 1));
});

test("compose: start order, health checks, image stages and the topics' retentions", () => {
  const services = compose.services;
  for (const [name, service] of Object.entries(services)) {
    for (const dependency of Object.keys(service.depends_on ?? {})) assert.ok(services[dependency], `${name} depends on missing ${dependency}`);
    if (service.build) {
      assert.ok(existsSync(join(dirname(composeFile), service.build.context, service.build.dockerfile)), `${name}: Dockerfile`);
      assert.ok(stages.has(service.build.target), `${name}: no stage ${service.build.target} in deploy/Dockerfile`);
    }
    if (service.restart !== "no") assert.ok(service.healthcheck, `${name} has no health check`);
  }
  const created = new Map([...services["kafka-topics"].command.join("\n").matchAll(/^\s*create ([\w.-]+) (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  assert.deepEqual(created, designTopics);
});

test("compose and Dockerfile: every environment variable of a silo or the front door is a configuration key it reads", () => {
  const isSiloKey = siloKeys(root);
  const isFrontDoorKey = frontDoorKeys(root);
  const unknown = (names, isKey) => names.filter((n) => !runtimeVariables.has(n) && !isKey(keyOfVariable(n)));
  const silos = Object.values(compose.services).filter((s) => s.build?.target === "silo");
  assert.ok(silos.length >= 2, "the Compose file runs at least two silos");
  for (const silo of silos) assert.deepEqual(unknown(Object.keys(silo.environment), isSiloKey), []);
  assert.deepEqual(unknown(Object.keys(compose.services.frontdoor.environment), isFrontDoorKey), []);
  assert.deepEqual(unknown(stages.get("silo").env, isSiloKey), []);
  assert.deepEqual(unknown(stages.get("frontdoor").env, isFrontDoorKey), []);
  for (const silo of silos) assert.equal(silo.environment.Kafka__EmbeddedBroker__Enabled, "false");
});

test("Dockerfile: the entrypoints are the published assemblies and the silo image carries the dashboard", () => {
  const assembly = (project) => {
    const text = readFileSync(join(root, project), "utf8");
    return (text.match(/<AssemblyName>([^<]+)</)?.[1] ?? project.split("/").pop().replace(/\.csproj$/, "")) + ".dll";
  };
  assert.ok(stages.get("silo").entrypoint.includes(assembly("silo/TrafficOrleans.Silo.csproj")));
  assert.ok(stages.get("frontdoor").entrypoint.includes(assembly("frontdoor/TrafficOrleans.FrontDoor/TrafficOrleans.FrontDoor.csproj")));
  const dashboard = [...stages.values()].find((s) => s.from.startsWith("node:"));
  assert.ok(dashboard && dashboard.run.some((r) => r.includes("npm run build")), "a node stage builds web/");
  assert.ok(stages.get("build").copyFrom.includes(dashboard.name), "the publish stage takes the dashboard bundle");
  for (const name of ["silo", "frontdoor"]) assert.ok(stages.get(name).user, `the ${name} image runs as a non-root user`);
});
