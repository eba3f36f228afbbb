// App entry: registers the elements; <app-root> in index.html does the rest.
import './ui/app-root';
