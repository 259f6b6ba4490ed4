/** The page without Excel (dist/app.html): mounted at once, no Office.js. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from '../taskpane/components/ErrorBoundary';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </FluentProvider>,
  );
  document.body.dataset.ready = 'true';
}
