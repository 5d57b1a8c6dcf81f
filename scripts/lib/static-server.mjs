// The static server lives with the PDF edition (src/integrations/pdf-edition/); the screenshot,
// Lighthouse and test scripts use it from here.
export * from '../../src/integrations/pdf-edition/static-server.mjs';
