import { createContext, useContext } from 'react';

/** Light on the office's laptop, dark on the display wall. */
export type CockpitTheme = 'light' | 'dark';

export const CockpitThemeContext = createContext<CockpitTheme>('light');

export function useCockpitTheme(): CockpitTheme {
  return useContext(CockpitThemeContext);
}

/** Text and axis colour of charts on each background. */
export const inkColour: Record<CockpitTheme, string> = { light: '#595959', dark: '#d9d9d9' };
