/** What the lab pane asks the editor to open. */
export type EditorRequestBody = { kind: 'path'; path: string } | { kind: 'text'; text: string; name?: string };
/** `seq` tells repeated requests apart. */
export type EditorRequest = EditorRequestBody & { seq: number };
