/**
 * The GitLab component's job as GitLab starts it: the template's `variables:` with the consumer's inputs
 * interpolated (`$[[ inputs.x ]]`, defaults from `spec:inputs`), the merge-request pipeline's predefined
 * variables and the masked CI/CD variables, then the job's script (`node <home>/gitlab/index.js`) in the clone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

interface Template {
  inputs: Record<string, { default?: unknown }>;
  variables: Record<string, string>;
}

export async function readTemplate(root: string): Promise<Template> {
  const docs = parseAllDocuments(await readFile(path.join(root, 'gitlab-templates', 'invicti-appsec.yml'), 'utf8'));
  const spec = docs[0]?.toJS() as { spec: { inputs: Template['inputs'] } };
  const jobs = docs[1]?.toJS() as Record<string, { variables?: Record<string, string> }>;
  const job = Object.values(jobs)[0];
  return { inputs: spec.spec.inputs, variables: job?.variables ?? {} };
}

/** The job's environment for the given inputs, as GitLab interpolates them. */
export function jobVariables(template: Template, inputs: Record<string, string | number | boolean>): Record<string, string> {
  const value = (name: string): string => {
    if (!(name in template.inputs)) throw new Error(`the component has no input "${name}"`);
    const given = (inputs[name] ?? template.inputs[name]?.default ?? '') as string | number | boolean;
    return String(given);
  };
  for (const name of Object.keys(inputs)) value(name);
  const env: Record<string, string> = {};
  for (const [key, raw] of Object.entries(template.variables)) {
    env[key] = String(raw).replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_m, name: string) => value(name));
  }
  return env;
}
