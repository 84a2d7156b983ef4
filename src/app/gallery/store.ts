import { createStore, useStore } from 'zustand';

export const galleryStore = createStore<{ open: boolean }>()(() => ({ open: false }));
export const useGalleryOpen = (): boolean => useStore(galleryStore, (s) => s.open);
export const openGallery = (): void => galleryStore.setState({ open: true });
export const closeGallery = (): void => galleryStore.setState({ open: false });
