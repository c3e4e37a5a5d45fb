//! Tests of chapter finding on hand-made documents.
