import { useCallback, useEffect, useRef, useState } from 'react';
import type { CasePhoto } from '@chuangcheng/core';
import { api } from '../../api/client.ts';
import { useApiError } from '../../api/useApiError.ts';

/** A photo being added to a report or an action: its preview, then the server's id. */
export interface PhotoItem {
  key: string;
  name: string;
  previewUrl: string;
  status: 'uploading' | 'done' | 'error';
  photo?: CasePhoto;
}

let sequence = 0;

/**
 * Uploads each photo as soon as it is picked and keeps the server's id, so that a retried
 * submission sends the very same photo ids (a new upload would make a different request body
 * under the same idempotency key). The server checks type and size; a refused file is shown
 * with its error and left out.
 */
export function usePhotoUploads(url: string) {
  const showError = useApiError();
  const [items, setItems] = useState<PhotoItem[]>([]);
  const previews = useRef(new Set<string>());

  useEffect(() => {
    const held = previews.current;
    return () => held.forEach((preview) => URL.revokeObjectURL(preview));
  }, []);

  const add = useCallback(
    (files: File[]) => {
      for (const file of files) {
        const key = `photo-${++sequence}`;
        const previewUrl = URL.createObjectURL(file);
        previews.current.add(previewUrl);
        setItems((current) => [...current, { key, name: file.name, previewUrl, status: 'uploading' }]);
        api
          .upload<CasePhoto>(url, file, file.name || 'photo.jpg')
          .then((photo) =>
            setItems((current) =>
              current.map((item) => (item.key === key ? { ...item, status: 'done', photo } : item)),
            ),
          )
          .catch((error: unknown) => {
            setItems((current) => current.map((item) => (item.key === key ? { ...item, status: 'error' } : item)));
            showError(error);
          });
      }
    },
    [url, showError],
  );

  const remove = useCallback((key: string) => {
    setItems((current) => {
      const gone = current.find((item) => item.key === key);
      if (gone) {
        URL.revokeObjectURL(gone.previewUrl);
        previews.current.delete(gone.previewUrl);
      }
      return current.filter((item) => item.key !== key);
    });
  }, []);

  const clear = useCallback(() => setItems([]), []);

  return {
    items,
    add,
    remove,
    clear,
    /** Ids of the photos the server accepted, in the order they were taken. */
    ids: items.flatMap((item) => (item.photo ? [item.photo.id] : [])),
    uploading: items.some((item) => item.status === 'uploading'),
  };
}
