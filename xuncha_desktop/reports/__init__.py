"""Documents: PDF (reportlab), Word (python-docx) and Excel (openpyxl) made from service results."""
