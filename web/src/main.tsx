import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Provider } from 'urql';
import { Toaster } from './components/ui/Toast';
import { takeTokenFromUrl } from './lib/auth';
import { client } from './lib/urql';
import { router } from './router';
import './styles.css';

// Before the first render, so a `#token=…` link lands signed in and the fragment is gone at once.
takeTokenFromUrl();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <RouterProvider router={router} />
      <Toaster />
    </Provider>
  </StrictMode>,
);
