// App entry: registers the elements; <app-root> in index.html does the rest. <update-prompt> registers the service
// worker (offline use) and offers new versions.
import './zod-csp'; // first: before any zod schema parses (see the file)
import './ui/app-root';
import './ui/update-prompt';

document.body.append(document.createElement('update-prompt'));
