// App entry: registers the elements; <app-root> in index.html does the rest.
import './zod-csp'; // first: before any zod schema parses (see the file)
import './ui/app-root';
