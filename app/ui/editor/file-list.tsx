'use client';

import { type FormEvent, useState } from 'react';
import type { LabFileInfo } from '@/lib/terminal/protocol';
import styles from './editor.module.css';

/** The lab's home directory beside the editor: open a file, or name a new one. */
export function FileList({ files, home, currentPath, onOpen, onCreate }: {
  files: LabFileInfo[];
  home: string;
  currentPath: string | null;
  onOpen: (path: string) => void;
  /** Returns false when the name was refused (the form then stays open). */
  onCreate: (name: string) => boolean;
}) {
  const [newName, setNewName] = useState<string | null>(null);
  const create = (event: FormEvent) => {
    event.preventDefault();
    if (onCreate(newName ?? '')) setNewName(null);
  };
  return (
    <nav className={styles.files} aria-label="홈 디렉터리 파일">
      <p className={styles.filesTitle}>~/ 파일</p>
      <ul data-testid="editor-files">
        {files.map((f) => (
          <li key={f.path}>
            <button type="button" className={styles.file} data-active={f.path === currentPath} title={`~/${f.path.slice(home.length + 1)} (${f.size} B)`}
              onClick={() => onOpen(f.path)}>
              {f.path.slice(home.length + 1)}
            </button>
          </li>
        ))}
        {files.length === 0 && <li className={styles.empty}>파일 없음</li>}
      </ul>
      {newName === null ? (
        <button type="button" className={styles.button} onClick={() => setNewName('')}>
          새 파일
        </button>
      ) : (
        <form onSubmit={create} className={styles.newFile}>
          <input autoFocus value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="pod.yaml"
            aria-label="새 파일 이름" onKeyDown={(e) => e.key === 'Escape' && setNewName(null)} />
          <button type="submit" className={styles.button}>만들기</button>
        </form>
      )}
    </nav>
  );
}
