import { useRef } from 'react';
import { Button, Spin } from 'antd';
import { CameraOutlined, CloseOutlined, ExclamationCircleOutlined, PictureOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { PhotoItem } from './usePhotoUploads.ts';
import styles from './cases.module.css';

interface Props {
  /** The photos and their uploads, as `usePhotoUploads` keeps them. */
  photos: { items: PhotoItem[]; add: (files: File[]) => void; remove: (key: string) => void };
  max: number;
  /** Shows the photos without letting them change. */
  disabled?: boolean;
  testId: string;
}

/**
 * Photos from the camera (`capture`: a phone opens its camera directly) or from the gallery
 * (no `capture`), shown as thumbnails that can be removed.
 */
export function PhotoPicker({ photos, max, disabled, testId }: Props) {
  const { items } = photos;
  const t = useT();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);

  const picked = (list: FileList | null) => {
    if (!list) return;
    photos.add([...list].filter((file) => file.type.startsWith('image/')).slice(0, max - items.length));
  };

  const input = (ref: React.RefObject<HTMLInputElement | null>, capture: boolean, id: string) => (
    <input
      ref={ref}
      type="file"
      accept="image/*"
      capture={capture ? 'environment' : undefined}
      multiple={!capture}
      // Inline: a global input[type=file] rule of the component library outranks a class here.
      style={{ display: 'none' }}
      onChange={(event) => {
        picked(event.target.files);
        event.target.value = '';
      }}
      data-testid={id}
    />
  );

  return (
    <div className={styles.photos} data-testid={testId}>
      {items.map((item) => (
        <div key={item.key} className={styles.thumb} data-status={item.status}>
          <img src={item.previewUrl} alt={item.name} />
          {item.status === 'uploading' && <Spin className={styles.thumbState} />}
          {item.status === 'error' && <ExclamationCircleOutlined className={styles.thumbError} />}
          {!disabled && (
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              className={styles.thumbRemove}
              aria-label={t('case.photos.remove')}
              onClick={() => photos.remove(item.key)}
            />
          )}
        </div>
      ))}
      {items.length < max && !disabled && (
        <>
          <button type="button" className={styles.addPhoto} onClick={() => camera.current?.click()}>
            <CameraOutlined style={{ fontSize: 24 }} />
            {t('case.photos.camera')}
          </button>
          <button type="button" className={styles.addPhoto} onClick={() => gallery.current?.click()}>
            <PictureOutlined style={{ fontSize: 24 }} />
            {t('case.photos.gallery')}
          </button>
        </>
      )}
      {input(camera, true, `${testId}-camera`)}
      {input(gallery, false, `${testId}-gallery`)}
    </div>
  );
}
