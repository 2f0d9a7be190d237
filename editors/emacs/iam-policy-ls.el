;;; iam-policy-ls.el --- iam-policy-ls for JSON and YAML buffers, with eglot  -*- lexical-binding: t -*-
;; Eglot is built in from Emacs 29; on Emacs 28 install it (Debian: elpa-eglot; or GNU ELPA).
;; Put this file on your load-path and (require 'iam-policy-ls) in init.el, or paste it.
;; Set IAM_POLICY_LS_JAR or keep the jar at the default path.

(defvar iam-policy-ls-jar
  (or (getenv "IAM_POLICY_LS_JAR")
      (expand-file-name "~/.local/share/iam-policy-ls/iam-policy-ls.jar"))
  "The iam-policy-ls server jar.")

;; Emacs 28 opens JSON in js-mode, which JavaScript shares: give JSON a mode of its own.
(unless (fboundp 'js-json-mode)
  (define-derived-mode js-json-mode js-mode "JSON")
  (add-to-list 'auto-mode-alist '("\\.json\\'" . js-json-mode)))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((json-mode json-ts-mode js-json-mode yaml-mode yaml-ts-mode)
                 . ("java" "-jar" ,iam-policy-ls-jar "serve"))))
;; YAML: the server answers only in CloudFormation and SAM templates, and is silent on other YAML.
(dolist (hook '(json-mode-hook json-ts-mode-hook js-json-mode-hook yaml-mode-hook yaml-ts-mode-hook))
  (add-hook hook #'eglot-ensure))

;; Optional settings, sent as the iamPolicy section (the keys of .iam-policy-ls.json):
(setq-default eglot-workspace-configuration
              '(:iamPolicy (:checks (:MISSING_VERSION "off"))))

(provide 'iam-policy-ls)
