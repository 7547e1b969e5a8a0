// What other modules' pages may render from intake. Apart from index.ts because these are React
// components (.tsx): index.ts is also loaded by the server and the CLI straight from the sources, where
// Node strips types but does not compile JSX; only the page bundle imports this file.

export { BusinessFacts } from './ui/business-facts.tsx';
