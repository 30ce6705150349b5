/**
 * Report drafts from a local OpenAI-compatible multimodal model server (llama.cpp server, vLLM,
 * Ollama): key images rendered headless to PNG, the prompt, a chat client with streaming, time
 * limits and typed errors, and the split of the reply into sentence claims. Entry point:
 * {@link dev.attest.reports.llm.ReportGeneration#run}. See docs/report-server.md.
 */
package dev.attest.reports.llm;
