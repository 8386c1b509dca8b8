// KafkaJS compatibility check, run by TrafficOrleans.KafkaBroker.Tests (KafkaJsTests).
// Usage: node kafkajs-roundtrip.js <bootstrap> <topic> <group>
// Creates the topic, produces keyed messages with headers, consumes them in a consumer group,
// commits, reads the committed offsets back, and prints one line: RESULT <json>.
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const [bootstrap, topic, groupId] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'kafkajs-compat', brokers: [bootstrap], logLevel: logLevel.ERROR });
const expected = 6;

async function main() {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });

  const producer = kafka.producer();
  await producer.connect();
  const messages = [];
  for (let i = 0; i < expected; i++) {
    messages.push({ partition: i % 2, key: `key-${i}`, value: `value-${i}`, headers: { trace: `t-${i}` } });
  }
  await producer.send({ topic, messages });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const received = [];
  let done;
  const allReceived = new Promise(resolve => { done = resolve; });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      received.push({
        partition,
        offset: message.offset,
        key: message.key.toString(),
        value: message.value.toString(),
        trace: message.headers.trace.toString(),
      });
      if (received.length === expected) done();
    },
  });
  await allReceived;
  const next = [0, 1].map(partition => {
    const last = Math.max(...received.filter(m => m.partition === partition).map(m => Number(m.offset)));
    return { topic, partition, offset: String(last + 1) };
  });
  await consumer.commitOffsets(next);
  await consumer.disconnect();

  const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
  await admin.disconnect();
  console.log('RESULT ' + JSON.stringify({ received, committed: committed[0].partitions }));
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
