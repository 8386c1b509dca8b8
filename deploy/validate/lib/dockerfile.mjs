// A Dockerfile read into its stages: enough to check names, base images, environment, entrypoints and what each
// stage copies from another. Stages inherit ENV and USER from the stage they are built FROM, as in Docker.

/** Map of stage name → { name, from, env: [names], run: [commands], copyFrom: [stages], entrypoint, user }. */
export function dockerfileStages(text) {
  const stages = new Map();
  let current = null;
  for (const instruction of instructions(text)) {
    const [, keyword, rest] = instruction.match(/^(\w+)\s+([\s\S]*)$/) ?? [];
    switch (keyword?.toUpperCase()) {
      case "FROM": {
        const [, from, name] = rest.match(/^(\S+)(?:\s+AS\s+(\S+))?/i);
        const parent = stages.get(from);
        current = { name: name ?? from, from, env: [...(parent?.env ?? [])], run: [], copyFrom: [], entrypoint: parent?.entrypoint ?? "", user: parent?.user ?? "" };
        stages.set(current.name, current);
        break;
      }
      case "ENV":
        current.env.push(...[...rest.matchAll(/(?:^|\s)([A-Za-z_][\w.]*)=/g)].map((m) => m[1]));
        break;
      case "RUN":
        current.run.push(rest);
        break;
      case "COPY": {
        const from = rest.match(/--from=(\S+)/);
        if (from) current.copyFrom.push(from[1]);
        break;
      }
      case "ENTRYPOINT":
        current.entrypoint = rest;
        break;
      case "USER":
        current.user = rest.trim();
        break;
      default:
        break;
    }
  }
  return stages;
}

function* instructions(text) {
  let pending = "";
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    pending += line.replace(/\\\s*$/, " ");
    if (/\\\s*$/.test(line)) continue;
    if (pending.trim()) yield pending.trim();
    pending = "";
  }
}
