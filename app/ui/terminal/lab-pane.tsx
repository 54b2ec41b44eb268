'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import {
  LAB_EDITOR_OPEN_EVENT,
  LAB_RESET_EVENT,
  LAB_RUN_EVENT,
  LAB_SERVER_EVENT,
  type LabEditorOpenDetail,
  type ServerMessage,
} from '@/lib/terminal/protocol';
import type { EditorRequest, EditorRequestBody } from '@/app/ui/editor/editor-request';
import { FastForward } from './fast-forward';
import { LazyTerminal } from './lazy-terminal';
import styles from './lab-pane.module.css';

/** CodeMirror loads only in the browser, in its own chunk, the first time the editor is shown. */
const EditorPane = dynamic(() => import('@/app/ui/editor/editor-pane').then((m) => m.EditorPane), {
  ssr: false,
  loading: () => <p className={styles.loading}>편집기를 불러오는 중…</p>,
});

type Tab = 'terminal' | 'editor';

/**
 * The lab side of a lesson: the terminal and the YAML editor as two tabs over the same lab (the
 * editor talks through the terminal's socket). Both stay mounted once shown, so switching keeps
 * the terminal's screen and the editor's open files.
 */
export function LabPane({ labKey }: { labKey: string }) {
  const [tab, setTab] = useState<Tab>('terminal');
  const [editorLoaded, setEditorLoaded] = useState(false);
  const [request, setRequest] = useState<EditorRequest | null>(null);
  const [dirty, setDirty] = useState(false);
  const seq = useRef(0);
  const terminalPane = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const showEditor = (r: EditorRequestBody) => {
      setEditorLoaded(true);
      setTab('editor');
      setRequest({ ...r, seq: ++seq.current });
    };
    const onServer = (event: Event) => {
      const m = (event as CustomEvent<ServerMessage>).detail;
      if (m?.t === 'open-editor') showEditor({ kind: 'path', path: m.path });
    };
    const onOpenText = (event: Event) => {
      const d = (event as CustomEvent<LabEditorOpenDetail>).detail;
      if (typeof d?.text === 'string') showEditor({ kind: 'text', text: d.text, name: d.name });
    };
    // Commands sent from the lesson show their output: back to the terminal.
    const onRun = () => setTab('terminal');
    window.addEventListener(LAB_SERVER_EVENT, onServer);
    window.addEventListener(LAB_EDITOR_OPEN_EVENT, onOpenText);
    window.addEventListener(LAB_RUN_EVENT, onRun);
    window.addEventListener(LAB_RESET_EVENT, onRun);
    return () => {
      window.removeEventListener(LAB_SERVER_EVENT, onServer);
      window.removeEventListener(LAB_EDITOR_OPEN_EVENT, onOpenText);
      window.removeEventListener(LAB_RUN_EVENT, onRun);
      window.removeEventListener(LAB_RESET_EVENT, onRun);
    };
  }, []);

  const select = (next: Tab) => {
    setTab(next);
    if (next === 'editor') setEditorLoaded(true);
    else requestAnimationFrame(() => terminalPane.current?.querySelector<HTMLElement>('.xterm-helper-textarea')?.focus());
  };

  return (
    <div className={styles.pane}>
      <div className={styles.tabs} role="tablist" aria-label="실습 도구">
        <button type="button" role="tab" id="lab-tab-terminal" aria-selected={tab === 'terminal'} aria-controls="lab-panel-terminal"
          className={styles.tab} onClick={() => select('terminal')}>
          터미널
        </button>
        <button type="button" role="tab" id="lab-tab-editor" aria-selected={tab === 'editor'} aria-controls="lab-panel-editor"
          className={styles.tab} onClick={() => select('editor')}>
          편집기{dirty && <span className={styles.dirty} aria-label="저장하지 않은 변경 있음"> ●</span>}
        </button>
        <FastForward />
      </div>
      <div className={styles.stack}>
        <div ref={terminalPane} role="tabpanel" id="lab-panel-terminal" aria-labelledby="lab-tab-terminal"
          className={styles.panel} data-active={tab === 'terminal'} inert={tab !== 'terminal'}>
          <LazyTerminal labKey={labKey} />
        </div>
        {editorLoaded && (
          <div role="tabpanel" id="lab-panel-editor" aria-labelledby="lab-tab-editor"
            className={styles.panel} data-active={tab === 'editor'} inert={tab !== 'editor'}>
            <EditorPane request={request} active={tab === 'editor'} onDirtyChange={setDirty} />
          </div>
        )}
      </div>
    </div>
  );
}
