/**
 * The host for a browser page that loaded Microsoft's client itself
 * (`<script src="office-js/excel-web-16.00.js">`, copied from the npm
 * package by webpack): the browser harness. No Node-only imports.
 */
export { RichApiHost } from './host';
export { connectClient, attachHost } from './connect';
