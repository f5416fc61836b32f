import { Copy, DockerfileParser, type Dockerfile, type ImageTemplate, type Instruction } from 'dockerfile-ast';

/** One build stage of a Dockerfile: its name, what it starts FROM, and its instructions. */
export interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): { dockerfile: Dockerfile; stages: Stage[] } {
  const dockerfile = DockerfileParser.parse(text);
  const stages = dockerfile.getFROMs().map((from, index): Stage => {
    const image: ImageTemplate | undefined = dockerfile.getContainingImage(from.getRange().start) ?? undefined;
    return {
      name: from.getBuildStage() ?? String(index),
      from: from.getImage() ?? '',
      instructions: image ? image.getInstructions().filter((i) => i.getKeyword() !== 'FROM') : [],
    };
  });
  return { dockerfile, stages };
}

/** The stage and the stages it is built FROM, nearest first (an image name ends the chain). */
export function stageChain(stages: Stage[], name: string): Stage[] {
  const chain: Stage[] = [];
  for (let stage = stages.find((s) => s.name === name); stage; stage = stages.find((s) => s.name === stage?.from)) {
    chain.push(stage);
  }
  return chain;
}

export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.getKeyword() === keyword);
}

/** A COPY's `--from` stage, or null for a copy from the build context. */
export function copyFrom(copy: Instruction): string | null {
  return copy instanceof Copy ? (copy.getFromFlag()?.getValue() ?? null) : null;
}

/** A COPY's sources and destination, flags left out (shell form only: the file uses no JSON COPY). */
export function copyPaths(copy: Instruction): { sources: string[]; destination: string } {
  const words = copy
    .getArguments()
    .map((a) => a.getValue())
    .filter((w) => !w.startsWith('--'));
  return { sources: words.slice(0, -1), destination: words.at(-1) ?? '' };
}

/** The words of an exec-form (JSON array) instruction such as CMD ["node", …]. */
export function execForm(instruction: Instruction): string[] {
  const parsed: unknown = JSON.parse(instruction.getArgumentsContent() ?? 'null');
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === 'string')) {
    throw new Error(`${instruction.getKeyword()} is not in exec form`);
  }
  return parsed;
}
