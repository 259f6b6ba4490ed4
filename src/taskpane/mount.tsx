import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Pane } from './components/Pane';

/** Mounts the pane into `element` (the add-in page and the harness share this). */
export function mountPane(element: HTMLElement): Root {
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <ErrorBoundary>
        <Pane />
      </ErrorBoundary>
    </FluentProvider>,
  );
  return root;
}
