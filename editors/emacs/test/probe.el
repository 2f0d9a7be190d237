;;; probe.el --- Emacs's eglot against the built jar, with docs/editors/emacs.md's configuration  -*- lexical-binding: t -*-
;; Loads editors/emacs/iam-policy-ls.el as is, opens a policy, and checks that diagnostics
;; (Flymake), completion (completion-at-point) and hover (eldoc) arrive from the server; then
;; opens a CloudFormation template in yaml-mode and checks its diagnostic.
;; Exits 0 when all arrived with what a working server sends; otherwise prints why, exits 1.
(require 'cl-lib)
(require 'subr-x)

(defvar probe-failures nil)
(defun probe-check (ok what)
  (princ (format "%s %s\n" (if ok "ok  " "FAIL") what))
  (unless ok (push what probe-failures)))

(defun probe-wait (seconds predicate)
  "Let Emacs read the server's messages until PREDICATE holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.2))
    (funcall predicate)))

(defun probe-finish ()
  ;; PROBE_EVENTS=file keeps the protocol log, for when a check fails.
  (when (and (getenv "PROBE_EVENTS") (eglot-current-server))
    (with-current-buffer (jsonrpc-events-buffer (eglot-current-server))
      (write-region (point-min) (point-max) (getenv "PROBE_EVENTS")))
    (dolist (b (buffer-list))
      (when (string-match-p "stderr" (buffer-name b))
        (with-current-buffer b
          (write-region (point-min) (point-max) (getenv "PROBE_EVENTS") t)))))
  (when (eglot-current-server)
    (ignore-errors (eglot-shutdown (eglot-current-server))))
  (kill-emacs (if probe-failures 1 0)))

;; What an interactive Emacs does at start-up: activate the installed packages (eglot from
;; elpa-eglot on Emacs 28).
(package-initialize)
(load (expand-file-name "../iam-policy-ls.el" (file-name-directory load-file-name)) nil t)

(find-file (getenv "PROBE_POLICY"))
(probe-check (eq major-mode 'js-json-mode) (format "JSON buffer in js-json-mode (got %s)" major-mode))
;; eglot-ensure connects from post-command-hook: run it as the command loop would.
(run-hooks 'post-command-hook)
(probe-check (probe-wait 60 (lambda () (and (fboundp 'eglot-current-server) (eglot-current-server))))
             "eglot connected to iam-policy-ls")
(unless (eglot-current-server) (probe-finish))
(probe-check (equal (process-command (jsonrpc--process (eglot-current-server)))
                    (list "java" "-jar" iam-policy-ls-jar "serve"))
             "the server runs as java -jar <jar> serve")

;; Flymake asks its backends when it starts; in batch no idle timer or redisplay starts it.
(flymake-start)
(defun probe-codes ()
  (mapcar (lambda (d)
            (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code))
          (flymake-diagnostics)))
;; The first diagnostics may come before the settings do; the server then checks again.
(probe-wait 60 (lambda () (and (member "INVALID_ACTION" (probe-codes))
                               (not (member "MISSING_VERSION" (probe-codes))))))
(princ (format "codes: %s\n" (string-join (probe-codes) " ")))
(probe-check (member "SERVICE_WILDCARD" (probe-codes)) "diagnostic SERVICE_WILDCARD")
(probe-check (member "INVALID_ACTION" (probe-codes)) "diagnostic INVALID_ACTION")
(let ((invalid (cl-find-if (lambda (d) (equal (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)
                                              "INVALID_ACTION"))
                           (flymake-diagnostics))))
  (probe-check (and invalid
                    (equal (buffer-substring (flymake-diagnostic-beg invalid) (flymake-diagnostic-end invalid))
                           "\"ec2:Describe\"")
                    (eq (flymake-diagnostic-type invalid) 'eglot-error))
               "INVALID_ACTION is an error on \"ec2:Describe\""))
;; The configuration's settings reached the server: it turns MISSING_VERSION off, and this
;; policy has no Version.
(probe-check (not (member "MISSING_VERSION" (probe-codes))) "no MISSING_VERSION (turned off by the settings)")

;; Completion at the end of "ec2:Describe", through eglot's completion-at-point function.
(goto-char (point-min))
(search-forward "ec2:Describe")
(let* ((capf (eglot-completion-at-point))
       (candidates (and capf (all-completions "" (nth 2 capf)))))
  (princ (format "completion: %d candidates, e.g. %s\n" (length candidates) (car candidates)))
  (probe-check (cl-some (lambda (c) (string-match-p "ec2:DescribeInstances\\b" c)) candidates)
               "completion ec2:DescribeInstances"))

;; Hover on s3:* through eglot's eldoc function.
(goto-char (point-min))
(search-forward "\"s3:")
(let ((hover nil))
  (eglot-hover-eldoc-function (lambda (info &rest _) (setq hover (or info "")) t))
  (probe-wait 30 (lambda () hover))
  (princ (format "hover: %s\n" (car (split-string (or hover "") "\n"))))
  (probe-check (and hover (string-match-p "s3" hover)) "hover on s3:*"))

;; A YAML CloudFormation template: yaml-mode's hook starts eglot for it too, and the server's
;; diagnostic sits on the template's own characters.
(find-file (getenv "PROBE_TEMPLATE"))
(probe-check (eq major-mode 'yaml-mode) (format "template buffer in yaml-mode (got %s)" major-mode))
(run-hooks 'post-command-hook)
(probe-check (probe-wait 60 (lambda () (eglot-current-server))) "eglot connected for the template")
(when (eglot-current-server)
  (flymake-start)
  (probe-wait 60 (lambda () (member "INVALID_ACTION" (probe-codes))))
  (let ((invalid (cl-find-if (lambda (d) (equal (plist-get (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)) :code)
                                                "INVALID_ACTION"))
                             (flymake-diagnostics))))
    (probe-check (and invalid
                      (equal (buffer-substring (flymake-diagnostic-beg invalid) (flymake-diagnostic-end invalid))
                             "s3:GetObjekt"))
                 "INVALID_ACTION on the template's s3:GetObjekt")))

(probe-finish)
