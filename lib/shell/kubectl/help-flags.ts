/**
 * The pieces `kubectl VERB -h` texts are built from: the flag table row, the help text of a
 * command, and the flags many commands share (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go
 * Add*Flag(s), cli-runtime genericclioptions PrintFlags / FilenameOptions), with their usage
 * texts and defaults as pflag prints them. Deprecated flags (--record) are hidden by cobra.
 */

/** One flag: name, shorthand, the default as pflag prints it, the usage text. */
export type Flag = [name: string, short: string, def: string, usage: string];

export interface HelpText {
  /** LongDesc paragraphs; the first is printed flush left, the others after one space (markdown renderer). */
  long: string[];
  /** templates.Examples lines (each trimmed; '' for a blank line). */
  examples: string[];
  flags: Flag[];
  /** The Use line with `kubectl ` and the parents in front. */
  usage: string;
  /** cobra Aliases (printed as "name, alias, ..."). */
  aliases?: string[];
  commands?: [string, string][];
  /** Long ends with cmdutil.SuggestAPIResources, appended after LongDesc (so flush left). */
  suggestAPIResources?: boolean;
}

/** mitchellh/go-wordwrap WrapString: greedy, breaking at spaces, lines of at most `limit` runes. */
export function wordWrap(text: string, limit: number): string {
  return text.split('\n').map((para) => {
    const out: string[] = [];
    const lead = /^ */.exec(para)![0];
    let line = lead;
    for (const word of para.slice(lead.length).split(' ')) {
      if (line.trim() && line.length + 1 + word.length > limit) { out.push(line); line = word; } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
    }
    out.push(line);
    return out.join('\n');
  }).join('\n');
}

// cmdutil.AddFilenameOptionFlags
export const FILENAME = (what: string): Flag => ['filename', 'f', '[]', `Filename, directory, or URL to files ${what}`];
export const KUSTOMIZE: Flag = ['kustomize', 'k', "''", "Process the kustomization directory. This flag can't be used together with -f or -R."];
export const RECURSIVE: Flag = ['recursive', 'R', 'false', 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.'];
/** FILENAME + KUSTOMIZE + RECURSIVE, as AddFilenameOptionFlags adds them. */
export const FILES = (what: string): Flag[] => [FILENAME(what), KUSTOMIZE, RECURSIVE];
// cmdutil.AddLabelSelectorFlagVar
export const SELECTOR: Flag = ['selector', 'l', "''", "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints."];
// cmdutil.AddDryRunFlag
export const DRY_RUN: Flag = ['dry-run', '', "'none'", 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.'];
// cmdutil.AddFieldManagerFlagVar
export const FIELD_MANAGER = (def: string): Flag => ['field-manager', '', `'${def}'`, 'Name of the manager used to track field ownership.'];
// cmdutil.AddApplyAnnotationFlags
export const SAVE_CONFIG: Flag = ['save-config', '', 'false', 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.'];
// cmdutil.AddValidateFlags
export const VALIDATE: Flag = ['validate', '', "'strict'", 'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.'];
// cmdutil.AddContainerVarFlags
export const CONTAINER: Flag = ['container', 'c', "''", 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen'];
// genericclioptions.PrintFlags (JSON/YAML, name, go-template, jsonpath printers)
export const PRINT: Flag[] = [
  ['allow-missing-template-keys', '', 'true', 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.'],
  ['output', 'o', "''", 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).'],
  ['show-managed-fields', '', 'false', 'If true, keep the managedFields when printing objects in JSON or YAML format.'],
  ['template', '', "''", 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].'],
];
/** What every `kubectl create GENERATOR` adds (create_*.go): printing, --save-config, --validate, --dry-run, --field-manager. */
export const GENERATOR: Flag[] = [...PRINT, SAVE_CONFIG, VALIDATE, DRY_RUN, FIELD_MANAGER('kubectl-create')];
